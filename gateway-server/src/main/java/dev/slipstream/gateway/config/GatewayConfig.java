package dev.slipstream.gateway.config;

import java.util.List;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * The whole configuration file ({@code slipstream.yaml}), as parsed: plain data, validated by
 * {@link ConfigValidator} before anything is built from it.
 *
 * @param routes aliases served by several targets; a plain model alias is a route of one target
 * @param defaultModel the alias used by the OpenAI-compatible surface's model list first; defaults to the
 *                     first model
 */
public record GatewayConfig(ServerConfig server, LimitsConfig limits, AuthConfig auth,
                            List<ProviderConfig> providers, List<ModelConfig> models, List<RouteConfig> routes,
                            CacheConfig cache, String defaultModel) {
    public GatewayConfig(@Nullable ServerConfig server, @Nullable LimitsConfig limits, @Nullable AuthConfig auth,
                         @Nullable List<ProviderConfig> providers, @Nullable List<ModelConfig> models,
                         @Nullable List<RouteConfig> routes, @Nullable CacheConfig cache,
                         @Nullable String defaultModel) {
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
    }

    public GatewayConfig withServer(ServerConfig server) {
        return new GatewayConfig(server, limits, auth, providers, models, routes, cache, defaultModel);
    }

    public GatewayConfig withProviders(List<ProviderConfig> providers) {
        return new GatewayConfig(server, limits, auth, providers, models, routes, cache, defaultModel);
    }

    public GatewayConfig withModels(List<ModelConfig> models) {
        return new GatewayConfig(server, limits, auth, providers, models, routes, cache, defaultModel);
    }

    public GatewayConfig withRoutes(List<RouteConfig> routes) {
        return new GatewayConfig(server, limits, auth, providers, models, routes, cache, defaultModel);
    }

    public GatewayConfig withCache(CacheConfig cache) {
        return new GatewayConfig(server, limits, auth, providers, models, routes, cache, defaultModel);
    }
}
