package dev.slipstream.loadtest.runner;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.ResponseTimeoutException;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.CommonPools;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.RequestHeadersBuilder;
import com.linecorp.armeria.common.util.Exceptions;

/**
 * HTTP mode: a JSON POST (the config's {@code data} as the body template, its {@code metadata} as headers)
 * to one URL, e.g. the OpenAI-compatible {@code /v1/chat/completions}; the whole response body is read, so
 * a streamed ({@code "stream": true}) reply counts until its last event. A 2xx status is a success.
 */
final class HttpTarget implements CallTarget {
    private static final int ERROR_BODY_CHARS = 120;

    private final WebClient client;
    private final ClientFactory factory;
    private final String path;
    private final RequestData data;
    private final Map<String, CallTemplate> headers;
    private final CallTemplate.MethodNames names;

    /**
     * @param url {@code http://host:port/path}
     * @param http2 HTTP/2 cleartext (prior knowledge) instead of HTTP/1.1
     */
    HttpTarget(GhzConfig config, URI url, boolean http2) {
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("--http: " + url + " (expected an http:// or https:// URL)");
        }
        this.path = url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        this.data = RequestData.of(config.data());
        this.headers = CallTemplate.parseAll(config.metadata());
        this.names = new CallTemplate.MethodNames("POST " + path, "POST", url.getHost(), "json", "json", false,
                                                  false);
        this.factory = ClientFactory.builder().workerGroup(CommonPools.workerGroup(), false)
                                    .idleTimeoutMillis(0).build();
        final String scheme = (http2 ? "h2" : "h1") + ("https".equals(url.getScheme()) ? "" : "c");
        final Duration timeout = config.timeout();
        this.client = WebClient.builder(scheme + "://" + url.getAuthority()).factory(factory)
                               .responseTimeout(timeout).maxResponseLength(0).build();
        // Rendered now, so a broken template fails before the run starts.
        data.render(new CallTemplate.CallContext(0, 0, names, Instant.now()));
    }

    @Override
    public CompletableFuture<Outcome> call(long requestNumber, int workerId) {
        final CallTemplate.CallContext context = new CallTemplate.CallContext(requestNumber, workerId, names,
                                                                              Instant.now());
        final RequestHeadersBuilder requestHeaders = RequestHeaders.builder(HttpMethod.POST, path)
                                                                   .contentType(MediaType.JSON_UTF_8);
        headers.forEach((name, value) -> requestHeaders.add(name.toLowerCase(Locale.ROOT), value.render(context)));
        return client.execute(HttpRequest.of(requestHeaders.build(), HttpData.ofUtf8(data.render(context))))
                     .aggregate()
                     .handle((response, error) -> {
                         if (error != null) {
                             final Throwable cause = Exceptions.peel(error);
                             return new Outcome(cause instanceof ResponseTimeoutException ? "DeadlineExceeded"
                                                                                         : "Unavailable",
                                                cause.getClass().getSimpleName() + ": " + cause.getMessage());
                         }
                         final int code = response.status().code();
                         if (code / 100 == 2) {
                             return new Outcome(Integer.toString(code), null);
                         }
                         final String body = response.contentUtf8();
                         return new Outcome(Integer.toString(code), "HTTP " + code + ": " +
                                            body.substring(0, Math.min(ERROR_BODY_CHARS, body.length())));
                     });
    }

    @Override
    public void close() {
        factory.close();
    }
}
