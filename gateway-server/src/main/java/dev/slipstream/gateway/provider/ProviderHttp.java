package dev.slipstream.gateway.provider;

import static java.util.Objects.requireNonNull;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.slipstream.gateway.config.ProviderConfig;

/**
 * The HTTP client every LangChain4j-based adapter uses: the JDK client, with our executor and the provider's
 * configured timeouts, failing streams on unreadable events and on bodies that end early
 * ({@link FailFastStreams}), and keeping a 429's Retry-After ({@link RetryAfterCapture}).
 */
final class ProviderHttp {
    private ProviderHttp() {}

    /**
     * A client builder for {@code config}; HTTP/2 only over TLS, because cleartext HTTP/2 upgrades confuse
     * some OpenAI-compatible servers.
     *
     * @param finalEvent whether an event is the last one the provider sends in a complete stream
     */
    static HttpClientBuilder clientBuilder(ProviderConfig config, @Nullable String effectiveBaseUrl,
                                           Executor executor, Predicate<ServerSentEvent> finalEvent) {
        final boolean tls = effectiveBaseUrl == null || effectiveBaseUrl.startsWith("https:");
        final HttpClient.Builder jdk = HttpClient.newBuilder()
                                                 .executor(executor)
                                                 .version(tls ? HttpClient.Version.HTTP_2
                                                              : HttpClient.Version.HTTP_1_1);
        return new ProviderClientBuilder(
                new JdkHttpClientBuilder().httpClientBuilder(RetryAfterCapture.wrap(jdk))
                                          .connectTimeout(Duration.ofMillis(config.connectTimeoutMs()))
                                          .readTimeout(Duration.ofMillis(config.timeoutMs())),
                config.name(), finalEvent);
    }

    /**
     * Builds one provider's client, wrapped in {@link FailFastStreams}. Keeps the provider's configured
     * timeouts whatever the model builder sets: LangChain4j's OpenAI models set their own on the client
     * builder they are given (the builder's {@code timeout(...)} as both, or 15 s to connect and 60 s to
     * read), and the other models set {@code timeout(...)} as both when given one.
     */
    private static final class ProviderClientBuilder implements HttpClientBuilder {
        private final HttpClientBuilder delegate;
        private final String provider;
        private final Predicate<ServerSentEvent> finalEvent;

        ProviderClientBuilder(HttpClientBuilder delegate, String provider, Predicate<ServerSentEvent> finalEvent) {
            this.delegate = requireNonNull(delegate, "delegate");
            this.provider = requireNonNull(provider, "provider");
            this.finalEvent = requireNonNull(finalEvent, "finalEvent");
        }

        @Override
        public Duration connectTimeout() {
            return delegate.connectTimeout();
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration ignored) {
            return this;
        }

        @Override
        public Duration readTimeout() {
            return delegate.readTimeout();
        }

        @Override
        public HttpClientBuilder readTimeout(Duration ignored) {
            return this;
        }

        @Override
        public dev.langchain4j.http.client.HttpClient build() {
            return FailFastStreams.wrap(delegate.build(), provider, finalEvent);
        }
    }
}
