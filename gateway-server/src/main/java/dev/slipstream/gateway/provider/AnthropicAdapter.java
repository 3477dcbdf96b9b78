package dev.slipstream.gateway.provider;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Executor;
import java.util.function.Predicate;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEvent;
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
    /** Anthropic ends a complete stream with a {@code message_stop} event. */
    private static final Predicate<ServerSentEvent> FINAL_EVENT = event -> "message_stop".equals(event.event());

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
                                 .httpClientBuilder(http())
                                 .maxRetries(0)
                                 .build();
    }

    @Override
    public StreamingChatModel streamingChatModel(String modelName) {
        return AnthropicStreamingChatModel.builder()
                                          .baseUrl(config.baseUrl())
                                          .apiKey(config.apiKey())
                                          .modelName(modelName)
                                          .httpClientBuilder(http())
                                          .build();
    }

    private HttpClientBuilder http() {
        return ProviderHttp.clientBuilder(config, config.baseUrl(), executor, FINAL_EVENT);
    }
}
