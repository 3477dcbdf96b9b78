package dev.slipstream.gateway.auth;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Set;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.config.BudgetConfig;
import dev.slipstream.gateway.config.RateLimitConfig;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;
import io.grpc.Context;

/**
 * Who is calling, as established by the API key: the key's id (what logs, metrics and reports name, never
 * the key), the tenant that owns what the caller creates (sessions), what the key may do, and its own
 * rate limits and budget, and whether the response cache may serve it. gRPC calls
 * carry it in their {@link Context} (see {@link #current()}).
 *
 * @param bypassCache the response cache never answers or stores this caller's requests
 */
public record Principal(String keyId, String tenant, Set<Scope> scopes, NameGlobs models, NameGlobs prompts,
                        RateLimitConfig limits, BudgetConfig budget, boolean bypassCache) {
    /** The tenant of {@code auth.api_key}, the one shared key. */
    public static final String DEFAULT_TENANT = "default";

    /** Where the gRPC auth interceptor puts the caller's principal. */
    public static final Context.Key<Principal> CONTEXT_KEY = Context.key("slipstream-principal");

    public Principal {
        requireNonNull(keyId, "keyId");
        requireNonNull(tenant, "tenant");
        scopes = Set.copyOf(scopes);
        requireNonNull(models, "models");
        requireNonNull(prompts, "prompts");
        requireNonNull(limits, "limits");
        requireNonNull(budget, "budget");
    }

    /** A key of {@code tenant} that may do everything: the shared {@code auth.api_key}. */
    public static Principal unrestricted(String keyId, String tenant) {
        return new Principal(keyId, tenant, EnumSet.allOf(Scope.class), NameGlobs.ANY, NameGlobs.ANY,
                             RateLimitConfig.NONE, BudgetConfig.NONE, false);
    }

    /** This principal allowed any model: for calls whose model the gateway chose, not the caller. */
    public Principal withAnyModel() {
        return new Principal(keyId, tenant, scopes, NameGlobs.ANY, prompts, limits, budget, bypassCache);
    }

    /** @throws GatewayException PERMISSION_DENIED when the key lacks {@code scope} */
    public void requireScope(Scope scope, String needer) {
        if (!scopes.contains(scope)) {
            throw GatewayException.of(ErrorReason.PERMISSION_DENIED,
                                      "API key '" + keyId + "' lacks scope '" + scope.configName() + "' (needed by " +
                                      needer + ')');
        }
    }

    /** @throws GatewayException PERMISSION_DENIED when the key may not use {@code model} */
    public void requireModel(String model) {
        if (!models.matches(model)) {
            throw GatewayException.of(ErrorReason.PERMISSION_DENIED,
                                      "API key '" + keyId + "' may not use model '" + model + "' (expected: one of " +
                                      models + ')');
        }
    }

    /** @throws GatewayException PERMISSION_DENIED when the key may not use prompt {@code promptId} */
    public void requirePrompt(String promptId) {
        if (!prompts.matches(promptId)) {
            throw GatewayException.of(ErrorReason.PERMISSION_DENIED,
                                      "API key '" + keyId + "' may not use prompt '" + promptId +
                                      "' (expected: one of " + prompts + ')');
        }
    }

    /**
     * The principal of the gRPC call being served.
     *
     * @throws IllegalStateException outside an authenticated call (a wiring error, never the caller's)
     */
    public static Principal current() {
        @Nullable
        final Principal principal = CONTEXT_KEY.get();
        if (principal == null) {
            throw new IllegalStateException("no principal in the gRPC context (is GrpcAuthInterceptor installed?)");
        }
        return principal;
    }
}
