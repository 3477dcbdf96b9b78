package dev.slipstream.gateway.provider;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Executor;
import java.util.function.Predicate;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import dev.slipstream.gateway.config.ProviderConfig;

/**
 * Mistral's chat completions API: {@code POST {base_url}/chat/completions}, bearer key; the base URL
 * includes the version ({@code https://api.mistral.ai/v1}). Timeouts come from {@link ProviderHttp}, which
 * keeps the configured ones over the builders'.
 */
final class MistralAdapter implements LangChainModelFactory {
    /** Mistral ends a complete stream, as OpenAI does, with {@code data: [DONE]}. */
    private static final Predicate<ServerSentEvent> FINAL_EVENT = event -> "[DONE]".equals(event.data());

    private final ProviderConfig config;
    private final Executor executor;

    MistralAdapter(ProviderConfig config, Executor executor) {
        this.config = requireNonNull(config, "config");
        this.executor = requireNonNull(executor, "executor");
    }

    @Override
    public ChatModel chatModel(String modelName) {
        return MistralAiChatModel.builder()
                                 .baseUrl(config.baseUrl())
                                 .apiKey(config.apiKey())
                                 .modelName(modelName)
                                 .httpClientBuilder(http())
                                 .maxRetries(0)
                                 .build();
    }

    @Override
    public StreamingChatModel streamingChatModel(String modelName) {
        return MistralAiStreamingChatModel.builder()
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
