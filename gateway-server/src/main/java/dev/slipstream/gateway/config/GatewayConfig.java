package dev.slipstream.gateway.config;

import java.util.List;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * The whole configuration file ({@code slipstream.yaml}), as parsed: plain data, validated by
 * {@link ConfigValidator} before anything is built from it.
 *
 * @param defaultModel the alias used by the OpenAI-compatible surface's model list first; defaults to the
 *                     first model
 */
public record GatewayConfig(ServerConfig server, LimitsConfig limits, AuthConfig auth,
                            List<ProviderConfig> providers, List<ModelConfig> models, String defaultModel,
                            PromptsConfig prompts) {
    public GatewayConfig(@Nullable ServerConfig server, @Nullable LimitsConfig limits, @Nullable AuthConfig auth,
                         @Nullable List<ProviderConfig> providers, @Nullable List<ModelConfig> models,
                         @Nullable String defaultModel, @Nullable PromptsConfig prompts) {
        this.server = server == null ? ServerConfig.DEFAULT : server;
        this.limits = limits == null ? LimitsConfig.DEFAULT : limits;
        this.auth = auth == null ? AuthConfig.DEFAULT : auth;
        this.providers = providers == null ? List.of() : List.copyOf(providers);
        this.models = models == null ? List.of() : List.copyOf(models);
        final String firstAlias = this.models.isEmpty() ? null : this.models.get(0).alias();
        // A missing alias is the validator's to report, not a reason to fail here.
        this.defaultModel = defaultModel != null ? defaultModel : firstAlias != null ? firstAlias : "";
        this.prompts = prompts == null ? PromptsConfig.DEFAULT : prompts;
    }

    public GatewayConfig withServer(ServerConfig server) {
        return new GatewayConfig(server, limits, auth, providers, models, defaultModel, prompts);
    }

    public GatewayConfig withProviders(List<ProviderConfig> providers) {
        return new GatewayConfig(server, limits, auth, providers, models, defaultModel, prompts);
    }

    public GatewayConfig withPrompts(PromptsConfig prompts) {
        return new GatewayConfig(server, limits, auth, providers, models, defaultModel, prompts);
    }

    public GatewayConfig withModels(List<ModelConfig> models) {
        return new GatewayConfig(server, limits, auth, providers, models, defaultModel, prompts);
    }
}
