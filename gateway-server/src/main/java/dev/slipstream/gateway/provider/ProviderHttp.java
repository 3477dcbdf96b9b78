package dev.slipstream.gateway.provider;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.slipstream.gateway.config.ProviderConfig;

/**
 * The HTTP client every LangChain4j-based adapter uses: the JDK client, with our executor and timeouts, failing
 * streams on unreadable events ({@link FailFastStreams}) and keeping a 429's Retry-After
 * ({@link RetryAfterCapture}).
 */
final class ProviderHttp {
    private ProviderHttp() {}

    /**
     * A client builder for {@code config}; HTTP/2 only over TLS, because cleartext HTTP/2 upgrades confuse
     * some OpenAI-compatible servers.
     */
    static HttpClientBuilder clientBuilder(ProviderConfig config, @Nullable String effectiveBaseUrl,
                                           Executor executor) {
        final boolean tls = effectiveBaseUrl == null || effectiveBaseUrl.startsWith("https:");
        final HttpClient.Builder jdk = HttpClient.newBuilder()
                                                 .executor(executor)
                                                 .version(tls ? HttpClient.Version.HTTP_2
                                                              : HttpClient.Version.HTTP_1_1);
        return FailFastStreams.wrap(
                new JdkHttpClientBuilder().httpClientBuilder(RetryAfterCapture.wrap(jdk))
                                          .connectTimeout(Duration.ofMillis(config.connectTimeoutMs()))
                                          .readTimeout(Duration.ofMillis(config.timeoutMs())));
    }
}
