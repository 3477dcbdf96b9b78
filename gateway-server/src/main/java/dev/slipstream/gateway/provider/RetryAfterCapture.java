package dev.slipstream.gateway.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.langchain4j.exception.HttpException;

/**
 * Keeps a provider's {@code Retry-After} on a 429: LangChain4j's JDK client reports only the status and body,
 * so this JDK client underneath it turns such a response into a {@link RateLimited} that carries the wait.
 */
final class RetryAfterCapture {
    private RetryAfterCapture() {}

    static HttpClient.Builder wrap(HttpClient.Builder builder) {
        return new Builder(builder);
    }

    /** A 429 with the wait its {@code Retry-After} asked for. */
    static final class RateLimited extends HttpException {
        private static final long serialVersionUID = 1L;

        private final transient Duration retryAfter;

        RateLimited(String body, Duration retryAfter) {
            super(429, body);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Seconds ({@code 1}) or an HTTP date; null when absent or unreadable. */
    @Nullable
    static Duration parse(@Nullable String retryAfter) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                final ZonedDateTime at = ZonedDateTime.parse(retryAfter.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                final Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    @Nullable
    private static RateLimited rateLimited(HttpResponse<?> response) {
        return rateLimited(response.statusCode(), response.headers().firstValue("retry-after").orElse(null),
                           () -> body(response.body()));
    }

    /** A {@link RateLimited} for a 429 that says how long to wait; null otherwise (the body is read only then). */
    @Nullable
    static RateLimited rateLimited(int status, @Nullable String retryAfter, Supplier<String> body) {
        if (status != 429) {
            return null;
        }
        final Duration wait = parse(retryAfter);
        return wait == null ? null : new RateLimited(body.get(), wait);
    }

    private static String body(@Nullable Object body) {
        if (body instanceof InputStream stream) {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }
        return String.valueOf(body);
    }

    private static final class Client extends HttpClient {
        private final HttpClient delegate;

        Client(HttpClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws IOException, InterruptedException {
            final HttpResponse<T> response = delegate.send(request, handler);
            final RateLimited rateLimited = rateLimited(response);
            if (rateLimited != null) {
                throw rateLimited;
            }
            return response;
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                                HttpResponse.BodyHandler<T> handler) {
            return delegate.sendAsync(request, handler).thenApply(Client::checked);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                                HttpResponse.BodyHandler<T> handler,
                                                                HttpResponse.PushPromiseHandler<T> push) {
            return delegate.sendAsync(request, handler, push).thenApply(Client::checked);
        }

        private static <T> HttpResponse<T> checked(HttpResponse<T> response) {
            final RateLimited rateLimited = rateLimited(response);
            if (rateLimited != null) {
                throw new CompletionException(rateLimited);
            }
            return response;
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return delegate.cookieHandler();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return delegate.connectTimeout();
        }

        @Override
        public Redirect followRedirects() {
            return delegate.followRedirects();
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return delegate.proxy();
        }

        @Override
        public SSLContext sslContext() {
            return delegate.sslContext();
        }

        @Override
        public SSLParameters sslParameters() {
            return delegate.sslParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return delegate.authenticator();
        }

        @Override
        public Version version() {
            return delegate.version();
        }

        @Override
        public Optional<Executor> executor() {
            return delegate.executor();
        }

        @Override
        public void shutdownNow() {
            delegate.shutdownNow();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private record Builder(HttpClient.Builder delegate) implements HttpClient.Builder {
        @Override
        public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
            delegate.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            delegate.connectTimeout(duration);
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext sslContext) {
            delegate.sslContext(sslContext);
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
            delegate.sslParameters(sslParameters);
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            delegate.executor(executor);
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
            delegate.followRedirects(policy);
            return this;
        }

        @Override
        public HttpClient.Builder version(HttpClient.Version version) {
            delegate.version(version);
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            delegate.priority(priority);
            return this;
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector proxySelector) {
            delegate.proxy(proxySelector);
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(Authenticator authenticator) {
            delegate.authenticator(authenticator);
            return this;
        }

        @Override
        public HttpClient.Builder localAddress(InetAddress localAddr) {
            delegate.localAddress(localAddr);
            return this;
        }

        @Override
        public HttpClient build() {
            return new Client(delegate.build());
        }
    }
}
