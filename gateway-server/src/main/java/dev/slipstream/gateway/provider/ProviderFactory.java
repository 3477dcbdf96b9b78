package dev.slipstream.gateway.provider;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Executor;

import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.config.ProviderConfig;

/** Builds the {@link ChatProvider} for a provider's configuration. */
public final class ProviderFactory {
    private final TokenCounter tokenCounter;
    private final Executor executor;

    /**
     * @param executor runs blocking provider client code; the server passes a virtual-thread executor
     */
    public ProviderFactory(TokenCounter tokenCounter, Executor executor) {
        this.tokenCounter = requireNonNull(tokenCounter, "tokenCounter");
        this.executor = requireNonNull(executor, "executor");
    }

    public ChatProvider create(ProviderConfig config) {
        if ("local".equals(config.kind())) {
            return new LocalProvider(config.name(), tokenCounter, executor);
        }
        return new LangChainChatProvider(config.name(), models(config), tokenCounter, executor, config.apiKey(),
                                         config.timeoutMs(), config.streamIdleTimeoutMs());
    }

    private LangChainModelFactory models(ProviderConfig config) {
        return switch (config.kind()) {
            case "openai", "openai-compatible" -> OpenAiAdapter.of(config, executor);
            case "azure-openai" -> AzureOpenAiAdapter.of(config, executor);
            case "anthropic" -> new AnthropicAdapter(config, executor);
            case "gemini" -> new GeminiAdapter(config, executor);
            case "mistral" -> new MistralAdapter(config, executor);
            case "ollama" -> new OllamaAdapter(config, executor);
            default -> throw new IllegalArgumentException("unsupported provider kind: " + config.kind());
        };
    }
}
