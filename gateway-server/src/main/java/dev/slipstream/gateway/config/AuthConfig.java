package dev.slipstream.gateway.config;

import java.util.List;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * Caller authentication. Until per-key policy lands: one shared key for tenant {@code default}, and
 * optionally more keys, each owned by a tenant (what a tenant owns, such as sessions, is invisible to the
 * others).
 *
 * @param apiKey the key callers send as {@code authorization: Bearer <key>}; when absent, a random key is
 *               generated at start and printed once
 * @param apiKeys further keys, each with its tenant
 */
public record AuthConfig(@Nullable String apiKey, List<ApiKeyConfig> apiKeys) {
    public static final AuthConfig DEFAULT = new AuthConfig(null, null);

    public AuthConfig(@Nullable String apiKey, @Nullable List<ApiKeyConfig> apiKeys) {
        this.apiKey = apiKey;
        this.apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    /** One more API key and the tenant it belongs to. */
    public record ApiKeyConfig(String key, String tenant) {
        @Override
        public String toString() {
            return "ApiKeyConfig[key=***, tenant=" + tenant + ']';
        }
    }
}
