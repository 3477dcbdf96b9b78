package dev.slipstream.gateway.provider;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.ClientRequestContext;
import com.linecorp.armeria.client.ClientRequestContextCaptor;
import com.linecorp.armeria.client.Clients;
import com.linecorp.armeria.client.ResponseTimeoutException;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaders;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.RequestHeadersBuilder;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.SplitHttpResponse;

import io.netty.channel.ConnectTimeoutException;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

/**
 * LangChain4j's HTTP client on Armeria's {@link WebClient}: the upstream call shares the server's event loops and
 * connection pool instead of the JDK client's selector thread. Cleartext goes as HTTP/1.1 without an upgrade
 * attempt (some OpenAI-compatible servers mishandle one), TLS negotiates HTTP/2. The read timeout bounds the wait
 * for the response headers, as the JDK client's request timeout does; a stream's pace after that is the idle
 * checks' job. A 429 keeps its {@code Retry-After} ({@link RetryAfterCapture.RateLimited}).
 */
final class ArmeriaHttpClient implements HttpClient {
    private final WebClient client;
    private final Executor executor;

    ArmeriaHttpClient(ClientFactory factory, Duration readTimeout, Executor executor) {
        requireNonNull(readTimeout, "readTimeout");
        this.executor = requireNonNull(executor, "executor");
        client = WebClient.builder()
                          .factory(factory)
                          .responseTimeout(readTimeout)
                          // Unbounded as with the JDK client: a provider's answer is bounded by max tokens.
                          .maxResponseLength(0)
                          .build();
    }

    @Override
    public SuccessfulHttpResponse execute(dev.langchain4j.http.client.HttpRequest request) {
        final AggregatedHttpResponse response;
        try {
            response = client.execute(toArmeria(request)).aggregate().join();
        } catch (CompletionException e) {
            throw translate(e.getCause() == null ? e : e.getCause());
        }
        if (!isSuccess(response.headers())) {
            throw failure(response.headers(), response.contentUtf8());
        }
        return successful(response.headers()).body(response.contentUtf8()).build();
    }

    @Override
    public void execute(dev.langchain4j.http.client.HttpRequest request, ServerSentEventParser parser,
                        ServerSentEventListener listener) {
        final HttpResponse response;
        final ClientRequestContext ctx;
        try (ClientRequestContextCaptor captor = Clients.newContextCaptor()) {
            response = client.execute(toArmeria(request));
            ctx = captor.get();
        }
        final SplitHttpResponse split = response.split();
        split.headers().handleAsync((headers, error) -> {
            if (error != null) {
                notify(() -> listener.onError(translate(error)));
                return null;
            }
            if (!isSuccess(headers)) {
                split.body().collect().handle((chunks, bodyError) -> {
                    notify(() -> listener.onError(failure(headers, chunks == null ? "" : utf8(chunks))));
                    return null;
                });
                return null;
            }
            ctx.clearResponseTimeout();
            notify(() -> listener.onOpen(successful(headers).build()));
            try (InputStream body = split.body().toInputStream(Function.identity())) {
                parser.parse(body, listener);
                notify(listener::onClose);
            } catch (Exception e) {
                notify(() -> listener.onError(e));
            }
            return null;
        }, executor);
    }

    private static HttpRequest toArmeria(dev.langchain4j.http.client.HttpRequest request) {
        // h1c: HTTP/1.1 without trying HTTP/2 first; https stays as it is and negotiates.
        final String url = request.url().startsWith("http://") ? "h1c://" + request.url().substring(7)
                                                                : request.url();
        final RequestHeadersBuilder headers = RequestHeaders.builder(HttpMethod.valueOf(request.method().name()),
                                                                     url);
        request.headers().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        final String body = request.body();
        if (body == null) {
            return HttpRequest.of(headers.build());
        }
        if (headers.contentType() == null) {
            headers.contentType(MediaType.JSON_UTF_8);
        }
        return HttpRequest.of(headers.build(), HttpData.ofUtf8(body));
    }

    private static boolean isSuccess(ResponseHeaders headers) {
        return headers.status().isSuccess();
    }

    private static RuntimeException failure(ResponseHeaders headers, String body) {
        final int status = headers.status().code();
        final RetryAfterCapture.RateLimited rateLimited =
                RetryAfterCapture.rateLimited(status, headers.get("retry-after"), () -> body);
        return rateLimited != null ? rateLimited : new HttpException(status, body);
    }

    /** Timeouts, of the response or of connecting, as LangChain4j's {@link TimeoutException} like the JDK client's. */
    private static RuntimeException translate(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ResponseTimeoutException || t instanceof ConnectTimeoutException) {
                return new TimeoutException(cause);
            }
        }
        return cause instanceof RuntimeException runtime ? runtime : new RuntimeException(cause);
    }

    private static SuccessfulHttpResponse.Builder successful(ResponseHeaders headers) {
        return SuccessfulHttpResponse.builder().statusCode(headers.status().code()).headers(toMap(headers));
    }

    private static Map<String, List<String>> toMap(HttpHeaders headers) {
        final Map<String, List<String>> map = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (!name.isEmpty() && name.charAt(0) != ':') {
                map.computeIfAbsent(name.toString(), unused -> new ArrayList<>()).add(value);
            }
        });
        return map;
    }

    private static String utf8(List<HttpData> chunks) {
        final StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> text.append(chunk.toStringUtf8()));
        return text.toString();
    }

    /** A listener's own failure must not become the stream's outcome, as in LangChain4j's clients. */
    private static void notify(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException ignored) {
            // Swallowed on purpose: see the method's comment.
        }
    }
}
