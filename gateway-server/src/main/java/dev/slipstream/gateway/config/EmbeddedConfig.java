package dev.slipstream.gateway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.provider.LocalProvider;

/**
 * The configuration used when no file is given: the offline {@code local} provider as the default model,
 * in-memory everything, and each cloud provider whose key is in the environment.
 */
public final class EmbeddedConfig {
    public static final String LOCAL_ALIAS = "local";

    private EmbeddedConfig() {}

    public static GatewayConfig create(Map<String, String> env) {
        final List<ProviderConfig> providers = new ArrayList<>();
        providers.add(provider("local", "local", null, null));
        addIfKeyed(providers, env, "OPENAI_API_KEY", "openai");
        addIfKeyed(providers, env, "ANTHROPIC_API_KEY", "anthropic");
        addIfKeyed(providers, env, "GEMINI_API_KEY", "gemini");
        addIfKeyed(providers, env, "MISTRAL_API_KEY", "mistral");
        final String ollamaUrl = env.get("OLLAMA_BASE_URL");
        if (ollamaUrl != null && !ollamaUrl.isBlank()) {
            providers.add(provider("ollama", "ollama", ollamaUrl, null));
        }
        final List<ModelConfig> models =
                List.of(new ModelConfig(LOCAL_ALIAS, "local", LocalProvider.DEFAULT_MODEL, 128_000));
        final GatewayConfig config = new GatewayConfig(null, null, new AuthConfig(env.get("SLIPSTREAM_API_KEY"), null),
                                                       providers, models, null, null, LOCAL_ALIAS, null, null, null,
                                                       null, null, null);
        final List<String> problems = ConfigValidator.validate(config);
        if (!problems.isEmpty()) {
            throw new ConfigException("embedded default (environment)", problems);
        }
        return config;
    }

    private static void addIfKeyed(List<ProviderConfig> providers, Map<String, String> env, String variable,
                                   String kind) {
        final String key = env.get(variable);
        if (key != null && !key.isBlank()) {
            providers.add(provider(kind, kind, null, key));
        }
    }

    private static ProviderConfig provider(String name, String kind, @Nullable String baseUrl,
                                           @Nullable String apiKey) {
        return new ProviderConfig(name, kind, baseUrl, apiKey, null, null, null, null);
    }
}
