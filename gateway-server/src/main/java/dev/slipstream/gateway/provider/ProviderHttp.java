package dev.slipstream.gateway.provider;

import static java.util.Objects.requireNonNull;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.Predicate;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.CommonPools;
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
    private static final Map<Long, ClientFactory> FACTORIES = new ConcurrentHashMap<>();

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
        final HttpClientBuilder delegate =
                new JdkHttpClientBuilder().httpClientBuilder(RetryAfterCapture.wrap(jdk))
                                          .connectTimeout(Duration.ofMillis(config.connectTimeoutMs()))
                                          .readTimeout(Duration.ofMillis(config.timeoutMs()));
        return new ProviderClientBuilder(delegate::build, config, finalEvent);
    }

    /**
     * A client builder for {@code config} on Armeria's {@link WebClient} ({@link ArmeriaHttpClient}): one client
     * factory per connect timeout, on the server's event loops.
     */
    static HttpClientBuilder armeriaClientBuilder(ProviderConfig config, Executor executor,
                                                  Predicate<ServerSentEvent> finalEvent) {
        final ClientFactory factory = FACTORIES.computeIfAbsent(config.connectTimeoutMs(), connectTimeoutMs ->
                ClientFactory.builder()
                             .workerGroup(CommonPools.workerGroup(), false)
                             .connectTimeoutMillis(connectTimeoutMs)
                             .build());
        return new ProviderClientBuilder(
                () -> new ArmeriaHttpClient(factory, Duration.ofMillis(config.timeoutMs()), executor), config,
                finalEvent);
    }

    /**
     * Builds one provider's client, wrapped in {@link FailFastStreams}. Keeps the provider's configured
     * timeouts whatever the model builder sets: LangChain4j's OpenAI models set their own on the client
     * builder they are given (the builder's {@code timeout(...)} as both, or 15 s to connect and 60 s to
     * read), and the other models set {@code timeout(...)} as both when given one.
     */
    private static final class ProviderClientBuilder implements HttpClientBuilder {
        private final Supplier<dev.langchain4j.http.client.HttpClient> client;
        private final ProviderConfig config;
        private final Predicate<ServerSentEvent> finalEvent;

        ProviderClientBuilder(Supplier<dev.langchain4j.http.client.HttpClient> client, ProviderConfig config,
                              Predicate<ServerSentEvent> finalEvent) {
            this.client = requireNonNull(client, "client");
            this.config = requireNonNull(config, "config");
            this.finalEvent = requireNonNull(finalEvent, "finalEvent");
        }

        @Override
        public Duration connectTimeout() {
            return Duration.ofMillis(config.connectTimeoutMs());
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration ignored) {
            return this;
        }

        @Override
        public Duration readTimeout() {
            return Duration.ofMillis(config.timeoutMs());
        }

        @Override
        public HttpClientBuilder readTimeout(Duration ignored) {
            return this;
        }

        @Override
        public dev.langchain4j.http.client.HttpClient build() {
            return FailFastStreams.wrap(client.get(), config.name(), finalEvent);
        }
    }
}
