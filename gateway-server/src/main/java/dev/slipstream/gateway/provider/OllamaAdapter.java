package dev.slipstream.gateway.provider;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.slipstream.gateway.config.ProviderConfig;

/**
 * Ollama's native chat API: {@code POST {base_url}/api/chat}, NDJSON when streaming; the base URL is the
 * server's root ({@code http://localhost:11434}). Ollama itself takes no key; when one is configured (a hosted
 * Ollama or an authenticating proxy) it is sent as a bearer token.
 * Timeouts come from {@link ProviderHttp}, which keeps the configured ones over the builders'.
 */
final class OllamaAdapter implements LangChainModelFactory {
    /** LangChain4j has no default for Ollama; this is where a local Ollama listens. */
    static final String DEFAULT_BASE_URL = "http://localhost:11434";
    /**
     * Ollama's last line in a stream is the one with {@code "done": true}. In valid JSON, a quoted name
     * followed by a colon can only be a field name.
     */
    private static final Pattern DONE = Pattern.compile("\"done\"\\s*:\\s*true");
    private static final Predicate<ServerSentEvent> FINAL_EVENT = event -> DONE.matcher(event.data()).find();

    private final ProviderConfig config;
    private final Executor executor;
    private final String baseUrl;
    private final Map<String, String> headers;

    OllamaAdapter(ProviderConfig config, Executor executor) {
        this.config = requireNonNull(config, "config");
        this.executor = requireNonNull(executor, "executor");
        baseUrl = config.baseUrl() != null ? config.baseUrl() : DEFAULT_BASE_URL;
        final String apiKey = config.apiKey();
        headers = apiKey == null || apiKey.isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
    }

    @Override
    public ChatModel chatModel(String modelName) {
        return OllamaChatModel.builder()
                              .baseUrl(baseUrl)
                              .modelName(modelName)
                              .customHeaders(headers)
                              .httpClientBuilder(http())
                              .maxRetries(0)
                              .build();
    }

    @Override
    public StreamingChatModel streamingChatModel(String modelName) {
        return OllamaStreamingChatModel.builder()
                                       .baseUrl(baseUrl)
                                       .modelName(modelName)
                                       .customHeaders(headers)
                                       .httpClientBuilder(http())
                                       .build();
    }

    private HttpClientBuilder http() {
        return ProviderHttp.clientBuilder(config, baseUrl, executor, FINAL_EVENT);
    }
}
