package dev.slipstream.gateway.config;

import java.util.List;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * The whole configuration file ({@code slipstream.yaml}), as parsed: plain data, validated by
 * {@link ConfigValidator} before anything is built from it. Absent sections take their defaults.
 *
 * @param routes aliases served by several targets; a plain model alias is a route of one target
 * @param defaultModel the alias used by the OpenAI-compatible surface's model list first; defaults to the
 *                     first model
 * @param contextStore where conversation sessions are kept
 * @param sessions how a chat request with a session is windowed
 * @param tenants rate limits and budgets shared by all keys of a tenant
 * @param pricing what each model costs; a model without a price costs 0
 * @param policy how calls are estimated for tokens limits and budgets
 */
public record GatewayConfig(ServerConfig server, LimitsConfig limits, AuthConfig auth, List<ProviderConfig> providers,
                            List<ModelConfig> models, List<RouteConfig> routes, CacheConfig cache,
                            String defaultModel, ContextStoreConfig contextStore, SessionsConfig sessions,
                            PromptsConfig prompts, List<TenantConfig> tenants, List<PriceConfig> pricing,
                            PolicyConfig policy) {
    public GatewayConfig(@Nullable ServerConfig server, @Nullable LimitsConfig limits, @Nullable AuthConfig auth,
                         @Nullable List<ProviderConfig> providers, @Nullable List<ModelConfig> models,
                         @Nullable List<RouteConfig> routes, @Nullable CacheConfig cache,
                         @Nullable String defaultModel, @Nullable ContextStoreConfig contextStore,
                         @Nullable SessionsConfig sessions, @Nullable PromptsConfig prompts,
                         @Nullable List<TenantConfig> tenants, @Nullable List<PriceConfig> pricing,
                         @Nullable PolicyConfig policy) {
        this.server = server == null ? ServerConfig.DEFAULT : server;
        this.limits = limits == null ? LimitsConfig.DEFAULT : limits;
        this.auth = auth == null ? AuthConfig.DEFAULT : auth;
        this.providers = providers == null ? List.of() : List.copyOf(providers);
        this.models = models == null ? List.of() : List.copyOf(models);
        this.routes = routes == null ? List.of() : List.copyOf(routes);
        this.cache = cache == null ? CacheConfig.DEFAULT : cache;
        final String firstAlias = this.models.isEmpty() ? null : this.models.get(0).alias();
        // A missing alias is the validator's to report, not a reason to fail here.
        this.defaultModel = defaultModel != null ? defaultModel : firstAlias != null ? firstAlias : "";
        this.contextStore = contextStore == null ? ContextStoreConfig.DEFAULT : contextStore;
        this.sessions = sessions == null ? SessionsConfig.DEFAULT : sessions;
        this.prompts = prompts == null ? PromptsConfig.DEFAULT : prompts;
        this.tenants = tenants == null ? List.of() : List.copyOf(tenants);
        this.pricing = pricing == null ? List.of() : List.copyOf(pricing);
        this.policy = policy == null ? PolicyConfig.DEFAULT : policy;
    }

    public GatewayConfig withServer(ServerConfig server) {
        return new GatewayConfig(server, limits, auth, providers, models, routes, cache, defaultModel, contextStore,
                                 sessions, prompts, tenants, pricing, policy);
    }

    public GatewayConfig withAuth(AuthConfig auth) {
        return new GatewayConfig(server, limits, auth, providers, models, routes, cache, defaultModel, contextStore,
                                 sessions, prompts, tenants, pricing, policy);
    }

    public GatewayConfig withProviders(List<ProviderConfig> providers) {
        return new GatewayConfig(server, limits, auth, providers, models, routes, cache, defaultModel, contextStore,
                                 sessions, prompts, tenants, pricing, policy);
    }

    public GatewayConfig withModels(List<ModelConfig> models) {
        return new GatewayConfig(server, limits, auth, providers, models, routes, cache, defaultModel, contextStore,
                                 sessions, prompts, tenants, pricing, policy);
    }

    public GatewayConfig withRoutes(List<RouteConfig> routes) {
        return new GatewayConfig(server, limits, auth, providers, models, routes, cache, defaultModel, contextStore,
                                 sessions, prompts, tenants, pricing, policy);
    }

    public GatewayConfig withCache(CacheConfig cache) {
        return new GatewayConfig(server, limits, auth, providers, models, routes, cache, defaultModel, contextStore,
                                 sessions, prompts, tenants, pricing, policy);
    }

    public GatewayConfig withContextStore(ContextStoreConfig contextStore) {
        return new GatewayConfig(server, limits, auth, providers, models, routes, cache, defaultModel, contextStore,
                                 sessions, prompts, tenants, pricing, policy);
    }

    public GatewayConfig withSessions(SessionsConfig sessions) {
        return new GatewayConfig(server, limits, auth, providers, models, routes, cache, defaultModel, contextStore,
                                 sessions, prompts, tenants, pricing, policy);
    }

    public GatewayConfig withPrompts(PromptsConfig prompts) {
        return new GatewayConfig(server, limits, auth, providers, models, routes, cache, defaultModel, contextStore,
                                 sessions, prompts, tenants, pricing, policy);
    }

    public GatewayConfig withTenants(List<TenantConfig> tenants) {
        return new GatewayConfig(server, limits, auth, providers, models, routes, cache, defaultModel, contextStore,
                                 sessions, prompts, tenants, pricing, policy);
    }

    public GatewayConfig withPricing(List<PriceConfig> pricing) {
        return new GatewayConfig(server, limits, auth, providers, models, routes, cache, defaultModel, contextStore,
                                 sessions, prompts, tenants, pricing, policy);
    }

    public GatewayConfig withPolicy(PolicyConfig policy) {
        return new GatewayConfig(server, limits, auth, providers, models, routes, cache, defaultModel, contextStore,
                                 sessions, prompts, tenants, pricing, policy);
    }
}
