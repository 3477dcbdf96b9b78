package dev.slipstream.gateway.provider;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Executor;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.slipstream.gateway.config.ProviderConfig;

/**
 * Anthropic's Messages API: {@code POST {base_url}/messages}, key in {@code x-api-key}. The base URL includes
 * the version, as LangChain4j's default does: {@code https://api.anthropic.com/v1}. Timeouts come from
 * {@link ProviderHttp}, which keeps the configured ones over the builders'.
 */
final class AnthropicAdapter implements LangChainModelFactory {
    private final ProviderConfig config;
    private final Executor executor;

    AnthropicAdapter(ProviderConfig config, Executor executor) {
        this.config = requireNonNull(config, "config");
        this.executor = requireNonNull(executor, "executor");
    }

    @Override
    public ChatModel chatModel(String modelName) {
        return AnthropicChatModel.builder()
                                 .baseUrl(config.baseUrl())
                                 .apiKey(config.apiKey())
                                 .modelName(modelName)
                                 .httpClientBuilder(ProviderHttp.clientBuilder(config, config.baseUrl(), executor))
                                 .maxRetries(0)
                                 .build();
    }

    @Override
    public StreamingChatModel streamingChatModel(String modelName) {
        return AnthropicStreamingChatModel.builder()
                                          .baseUrl(config.baseUrl())
                                          .apiKey(config.apiKey())
                                          .modelName(modelName)
                                          .httpClientBuilder(
                                                  ProviderHttp.clientBuilder(config, config.baseUrl(), executor))
                                          .build();
    }
}
