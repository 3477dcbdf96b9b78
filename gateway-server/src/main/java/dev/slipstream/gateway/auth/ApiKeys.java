package dev.slipstream.gateway.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import dev.slipstream.gateway.config.ApiKeyConfig;
import dev.slipstream.gateway.config.AuthConfig;
import dev.slipstream.gateway.config.ConfigValidator;

/** Compiles the validated {@code auth} configuration into the keys the verifier knows. */
public final class ApiKeys {
    private ApiKeys() {}

    /** @param defaultKey {@code auth.api_key}, or the key generated at start when there is none */
    public static List<ApiKey> fromConfig(AuthConfig auth, String defaultKey) {
        final List<ApiKey> keys = new ArrayList<>(auth.apiKeys().size() + 1);
        keys.add(new ApiKey(ApiKeyVerifier.sha256(defaultKey),
                            Principal.unrestricted(ConfigValidator.DEFAULT_KEY_ID, Principal.DEFAULT_TENANT), false,
                            null));
        for (ApiKeyConfig config : auth.apiKeys()) {
            keys.add(compile(config));
        }
        return keys;
    }

    /** The run-time key of a validated {@code config}. */
    public static ApiKey compile(ApiKeyConfig config) {
        final byte[] sha256 = config.keySha256() != null ? HexFormat.of().parseHex(config.keySha256())
                                                          : ApiKeyVerifier.sha256(config.key());
        final String id = config.id() != null ? config.id() : defaultId(sha256);
        final Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        config.scopes().forEach(scope -> scopes.add(Scope.fromConfigName(scope)));
        final Principal principal = new Principal(id, config.tenant(), scopes, new NameGlobs(config.models()),
                                                  new NameGlobs(config.prompts()), config.limits(), config.budget(),
                                                  config.bypassCache().booleanValue());
        return new ApiKey(sha256, principal, config.disabled().booleanValue(),
                          config.expiresAt() == null ? null : Instant.parse(config.expiresAt()));
    }

    /** The entry to store for {@code key}: its digest and policy, in the configuration's shape. */
    public static ApiKeyConfig toStoredConfig(ApiKey key) {
        final Principal p = key.principal();
        final List<String> scopes = new ArrayList<>();
        for (Scope scope : Scope.values()) {
            if (p.scopes().contains(scope)) {
                scopes.add(scope.configName());
            }
        }
        return new ApiKeyConfig(key.id(), null, HexFormat.of().formatHex(key.sha256()), p.tenant(), scopes,
                                p.models().globs(), p.prompts().globs(), p.limits(), p.budget(), key.disabled(),
                                key.expiresAt() == null ? null : key.expiresAt().toString(), p.bypassCache());
    }

    /** {@code key-} and the first 12 hex digits of the key's SHA-256: stable, and useless for guessing. */
    private static String defaultId(byte[] sha256) {
        return "key-" + HexFormat.of().formatHex(sha256, 0, 6);
    }
}
