package dev.slipstream.gateway.config;

import java.util.List;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * One API key of {@code auth.api_keys}. Either the key itself (normally {@code ${ENV}}) or its SHA-256 is
 * given; only the digest is kept at run time.
 *
 * @param id names the key in logs, metrics and usage reports; defaults to {@code key-} and the first 12 hex
 *           digits of its SHA-256
 * @param keySha256 the key's SHA-256 as 64 lower-case hex digits
 * @param scopes what the key may call: {@code chat}, {@code sessions}, {@code prompts}, {@code admin};
 *               defaults to every scope but {@code admin}
 * @param models globs over the requested model (alias or {@code provider/model}); defaults to {@code *}
 * @param prompts globs over prompt ids; defaults to {@code *}
 * @param expiresAt an ISO-8601 instant such as {@code 2027-01-31T00:00:00Z}, after which the key is refused
 * @param bypassCache whether the response cache never answers or stores this key's requests, whatever
 *                    their cache mode; defaults to false
 */
public record ApiKeyConfig(@Nullable String id, @Nullable String key, @Nullable String keySha256, String tenant,
                           List<String> scopes, List<String> models, List<String> prompts,
                           RateLimitConfig limits, BudgetConfig budget, Boolean disabled,
                           @Nullable String expiresAt, Boolean bypassCache) {
    public static final List<String> DEFAULT_SCOPES = List.of("chat", "sessions", "prompts");

    public ApiKeyConfig(@Nullable String id, @Nullable String key, @Nullable String keySha256, String tenant,
                        @Nullable List<String> scopes, @Nullable List<String> models,
                        @Nullable List<String> prompts, @Nullable RateLimitConfig limits,
                        @Nullable BudgetConfig budget, @Nullable Boolean disabled, @Nullable String expiresAt,
                        @Nullable Boolean bypassCache) {
        this.id = id;
        this.key = key;
        this.keySha256 = keySha256;
        this.tenant = tenant;
        this.scopes = scopes == null ? DEFAULT_SCOPES : List.copyOf(scopes);
        this.models = models == null ? List.of("*") : List.copyOf(models);
        this.prompts = prompts == null ? List.of("*") : List.copyOf(prompts);
        this.limits = limits == null ? RateLimitConfig.NONE : limits;
        this.budget = budget == null ? BudgetConfig.NONE : budget;
        this.disabled = disabled != null && disabled;
        this.expiresAt = expiresAt;
        this.bypassCache = bypassCache != null && bypassCache;
    }

    /** A key of tenant {@code tenant} with the default scopes and no limits. */
    public static ApiKeyConfig ofKey(String key, String tenant) {
        return new ApiKeyConfig(null, key, null, tenant, null, null, null, null, null, false, null, null);
    }

    @Override
    public String toString() {
        return "ApiKeyConfig[id=" + id + ", key=***, tenant=" + tenant + ", scopes=" + scopes + ']';
    }
}
