package dev.slipstream.gateway.config;

import java.util.List;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * Caller authentication: one shared key with every scope for tenant {@code default}, and optionally more
 * keys, each owned by a tenant (what a tenant owns, such as sessions, is invisible to the others) and
 * carrying its own scopes, model and prompt allowances, rate limits and budget.
 *
 * @param apiKey the key callers send as {@code authorization: Bearer <key>}; when absent, a random key is
 *               generated at start and printed once
 * @param apiKeys further keys
 */
public record AuthConfig(@Nullable String apiKey, List<ApiKeyConfig> apiKeys) {
    public static final AuthConfig DEFAULT = new AuthConfig(null, null);

    public AuthConfig(@Nullable String apiKey, @Nullable List<ApiKeyConfig> apiKeys) {
        this.apiKey = apiKey;
        this.apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    @Override
    public String toString() {
        return "AuthConfig[apiKey=" + (apiKey == null ? "null" : "***") + ", apiKeys=" + apiKeys + ']';
    }
}
