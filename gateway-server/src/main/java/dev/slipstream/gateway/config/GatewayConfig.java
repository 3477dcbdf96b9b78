package dev.slipstream.gateway.config;

import java.util.List;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * The whole configuration file ({@code slipstream.yaml}), as parsed: plain data, validated by
 * {@link ConfigValidator} before anything is built from it.
 *
 * @param defaultModel the alias used by the OpenAI-compatible surface's model list first; defaults to the
 *                     first model
 * @param contextStore where conversation sessions are kept
 * @param sessions how a chat request with a session is windowed
 */
public record GatewayConfig(ServerConfig server, LimitsConfig limits, AuthConfig auth,
                            List<ProviderConfig> providers, List<ModelConfig> models, String defaultModel,
                            ContextStoreConfig contextStore, SessionsConfig sessions, PromptsConfig prompts) {
    public GatewayConfig(@Nullable ServerConfig server, @Nullable LimitsConfig limits, @Nullable AuthConfig auth,
                         @Nullable List<ProviderConfig> providers, @Nullable List<ModelConfig> models,
                         @Nullable String defaultModel, @Nullable ContextStoreConfig contextStore,
                         @Nullable SessionsConfig sessions, @Nullable PromptsConfig prompts) {
        this.server = server == null ? ServerConfig.DEFAULT : server;
        this.limits = limits == null ? LimitsConfig.DEFAULT : limits;
        this.auth = auth == null ? AuthConfig.DEFAULT : auth;
        this.providers = providers == null ? List.of() : List.copyOf(providers);
        this.models = models == null ? List.of() : List.copyOf(models);
        final String firstAlias = this.models.isEmpty() ? null : this.models.get(0).alias();
        // A missing alias is the validator's to report, not a reason to fail here.
        this.defaultModel = defaultModel != null ? defaultModel : firstAlias != null ? firstAlias : "";
        this.contextStore = contextStore == null ? ContextStoreConfig.DEFAULT : contextStore;
        this.sessions = sessions == null ? SessionsConfig.DEFAULT : sessions;
        this.prompts = prompts == null ? PromptsConfig.DEFAULT : prompts;
    }

    public GatewayConfig withServer(ServerConfig server) {
        return new GatewayConfig(server, limits, auth, providers, models, defaultModel, contextStore, sessions, prompts);
    }

    public GatewayConfig withProviders(List<ProviderConfig> providers) {
        return new GatewayConfig(server, limits, auth, providers, models, defaultModel, contextStore, sessions, prompts);
    }

    public GatewayConfig withModels(List<ModelConfig> models) {
        return new GatewayConfig(server, limits, auth, providers, models, defaultModel, contextStore, sessions, prompts);
    }

    public GatewayConfig withAuth(AuthConfig auth) {
        return new GatewayConfig(server, limits, auth, providers, models, defaultModel, contextStore, sessions, prompts);
    }

    public GatewayConfig withContextStore(ContextStoreConfig contextStore) {
        return new GatewayConfig(server, limits, auth, providers, models, defaultModel, contextStore, sessions, prompts);
    }

    public GatewayConfig withSessions(SessionsConfig sessions) {
        return new GatewayConfig(server, limits, auth, providers, models, defaultModel, contextStore, sessions, prompts);
    }

    public GatewayConfig withPrompts(PromptsConfig prompts) {
        return new GatewayConfig(server, limits, auth, providers, models, defaultModel, contextStore, sessions, prompts);
    }
}
