package dev.slipstream.gateway.config;

import java.util.List;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * One upstream provider.
 *
 * @param name how models and requests refer to it ({@code provider/model})
 * @param kind one of {@link #KINDS}
 * @param baseUrl the API root; defaults to the provider's public endpoint (required for
 *                {@code openai-compatible} and {@code azure-openai})
 * @param apiKey the provider key, normally {@code ${ENV_VAR}}; never logged
 * @param apiVersion {@code azure-openai} only: the {@code api-version} query parameter
 * @param timeoutMs how long the provider may take to start answering: the response headers and, when
 *                  streaming, the first delta
 * @param connectTimeoutMs how long connecting to the provider may take
 * @param streamIdleTimeoutMs how long a stream may go without a delta once the first one has arrived
 */
public record ProviderConfig(String name, String kind, @Nullable String baseUrl, @Nullable String apiKey,
                             @Nullable String apiVersion, Long timeoutMs, Long connectTimeoutMs,
                             Long streamIdleTimeoutMs) {
    public static final List<String> KINDS = List.of(
            "local", "openai", "openai-compatible", "azure-openai", "anthropic", "gemini", "mistral", "ollama");
    public static final long DEFAULT_TIMEOUT_MS = 60_000;
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    public static final long DEFAULT_STREAM_IDLE_TIMEOUT_MS = 30_000;

    public ProviderConfig(String name, String kind, @Nullable String baseUrl, @Nullable String apiKey,
                          @Nullable String apiVersion, @Nullable Long timeoutMs, @Nullable Long connectTimeoutMs,
                          @Nullable Long streamIdleTimeoutMs) {
        this.name = name;
        this.kind = kind;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.apiVersion = apiVersion;
        this.timeoutMs = timeoutMs == null ? DEFAULT_TIMEOUT_MS : timeoutMs;
        this.connectTimeoutMs = connectTimeoutMs == null ? DEFAULT_CONNECT_TIMEOUT_MS : connectTimeoutMs;
        this.streamIdleTimeoutMs =
                streamIdleTimeoutMs == null ? DEFAULT_STREAM_IDLE_TIMEOUT_MS : streamIdleTimeoutMs;
    }

    @Override
    public String toString() {
        return "ProviderConfig[name=" + name + ", kind=" + kind + ", baseUrl=" + baseUrl + ", apiKey=" +
               (apiKey == null ? "none" : "***") + ", apiVersion=" + apiVersion + ", timeoutMs=" + timeoutMs +
               ", connectTimeoutMs=" + connectTimeoutMs + ", streamIdleTimeoutMs=" + streamIdleTimeoutMs + ']';
    }
}
