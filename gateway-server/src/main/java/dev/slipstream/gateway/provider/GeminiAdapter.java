package dev.slipstream.gateway.provider;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.slipstream.gateway.config.ProviderConfig;

/**
 * Google's Gemini API: {@code POST {base_url}/models/{model}:generateContent} and
 * {@code :streamGenerateContent?alt=sse}, key in {@code x-goog-api-key}; the base URL includes the version
 * ({@code https://generativelanguage.googleapis.com/v1beta}). Timeouts come from {@link ProviderHttp}, which
 * keeps the configured ones over the builders'.
 */
final class GeminiAdapter implements LangChainModelFactory {
    /**
     * Gemini's last chunk in a stream carries the finish reason, or the block reason when the prompt was
     * refused. In valid JSON, the quoted name followed by a colon can only be a field name.
     */
    private static final Pattern FINAL_FIELD = Pattern.compile("\"(finishReason|blockReason)\"\\s*:");
    private static final Predicate<ServerSentEvent> FINAL_EVENT = event -> FINAL_FIELD.matcher(event.data()).find();

    private final ProviderConfig config;
    private final Executor executor;
    @Nullable
    private final String baseUrl;

    GeminiAdapter(ProviderConfig config, Executor executor) {
        this.config = requireNonNull(config, "config");
        this.executor = requireNonNull(executor, "executor");
        // LangChain4j appends "/models/..." verbatim, so a trailing slash would double up.
        final String configured = config.baseUrl();
        baseUrl = configured != null && configured.endsWith("/") ? configured.substring(0, configured.length() - 1)
                                                                 : configured;
    }

    @Override
    public ChatModel chatModel(String modelName) {
        return GoogleAiGeminiChatModel.builder()
                                      .baseUrl(baseUrl)
                                      .apiKey(config.apiKey())
                                      .modelName(modelName)
                                      .httpClientBuilder(http())
                                      .maxRetries(0)
                                      .build();
    }

    @Override
    public StreamingChatModel streamingChatModel(String modelName) {
        return GoogleAiGeminiStreamingChatModel.builder()
                                               .baseUrl(baseUrl)
                                               .apiKey(config.apiKey())
                                               .modelName(modelName)
                                               .httpClientBuilder(http())
                                               .build();
    }

    private HttpClientBuilder http() {
        return ProviderHttp.clientBuilder(config, baseUrl, executor, FINAL_EVENT);
    }
}
