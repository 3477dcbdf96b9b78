package dev.slipstream.gateway.provider;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.slipstream.gateway.config.ProviderConfig;

/**
 * OpenAI's chat completions API, and every server that speaks it ({@code openai-compatible}: vLLM,
 * llama.cpp, LM Studio, Groq, Together…). {@link AzureOpenAiAdapter} reuses it with Azure's URL scheme.
 * Timeouts come from {@link ProviderHttp}, which keeps the configured ones over the builders': without
 * {@code timeout(...)} these builders would not use ours but set 15 s to connect and 60 s to read.
 */
final class OpenAiAdapter implements LangChainModelFactory {
    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** OpenAI, Azure and compatible servers end a complete stream with {@code data: [DONE]}. */
    private static final Predicate<ServerSentEvent> FINAL_EVENT = event -> "[DONE]".equals(event.data());

    private final ProviderConfig config;
    private final Executor executor;
    private final BaseUrl baseUrl;
    @Nullable
    private final String bearerKey;
    private final Map<String, String> headers;
    private final Map<String, String> queryParams;

    /** The API root for a model: fixed for OpenAI, one per deployment on Azure. */
    @FunctionalInterface
    interface BaseUrl {
        String forModel(String modelName);
    }

    static OpenAiAdapter of(ProviderConfig config, Executor executor) {
        final String baseUrl = config.baseUrl() != null ? config.baseUrl() : DEFAULT_BASE_URL;
        return new OpenAiAdapter(config, executor, model -> baseUrl, config.apiKey(), Map.of(), Map.of());
    }

    OpenAiAdapter(ProviderConfig config, Executor executor, BaseUrl baseUrl, @Nullable String bearerKey,
                  Map<String, String> headers, Map<String, String> queryParams) {
        this.config = requireNonNull(config, "config");
        this.executor = requireNonNull(executor, "executor");
        this.baseUrl = requireNonNull(baseUrl, "baseUrl");
        this.bearerKey = bearerKey;
        this.headers = Map.copyOf(headers);
        this.queryParams = Map.copyOf(queryParams);
    }

    @Override
    public ChatModel chatModel(String modelName) {
        final String url = baseUrl.forModel(modelName);
        return OpenAiChatModel.builder()
                              .baseUrl(url)
                              .apiKey(bearerKey)
                              .modelName(modelName)
                              .customHeaders(headers)
                              .customQueryParams(queryParams)
                              .httpClientBuilder(http())
                              .maxRetries(0)
                              .build();
    }

    @Override
    public StreamingChatModel streamingChatModel(String modelName) {
        final String url = baseUrl.forModel(modelName);
        return OpenAiStreamingChatModel.builder()
                                       .baseUrl(url)
                                       .apiKey(bearerKey)
                                       .modelName(modelName)
                                       .customHeaders(headers)
                                       .customQueryParams(queryParams)
                                       .httpClientBuilder(http())
                                       .build();
    }

    private HttpClientBuilder http() {
        return ProviderHttp.armeriaClientBuilder(config, executor, FINAL_EVENT);
    }
}
