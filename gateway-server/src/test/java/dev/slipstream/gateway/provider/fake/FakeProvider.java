package dev.slipstream.gateway.provider.fake;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpObject;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpResponseWriter;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.SplitHttpResponse;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.common.stream.StreamMessage;
import com.linecorp.armeria.common.stream.StreamWriter;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServiceRequestContext;

/**
 * A provider's HTTP API on {@code 127.0.0.1}: records every chat request and answers in the provider's own
 * wire format, unary or streamed, unless scripted to fail with an HTTP error, a 429 with Retry-After, a
 * malformed body, a dropped connection or stream, a reply slower than the caller waits, or a stream that
 * stalls or ends early. Subclasses know one format; this class does the serving, recording and scripting.
 */
public abstract class FakeProvider {
    /** What every fake answers: these deltas when streaming, their concatenation otherwise. */
    public static final List<String> REPLY_CHUNKS = List.of("Hello", " from", " the fake");
    public static final String REPLY = String.join("", REPLY_CHUNKS);
    /** Every prompt token of the call, cached ones included: what a caller should be billed for. */
    public static final int PROMPT_TOKENS = 21;
    /** The part of {@link #PROMPT_TOKENS} read from a prompt cache, for fakes whose API reports it. */
    public static final int CACHED_PROMPT_TOKENS = 5;
    public static final int COMPLETION_TOKENS = 9;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PAUSE_BEFORE_DROP = Duration.ofMillis(200);
    private static final MediaType EVENT_STREAM = MediaType.parse("text/event-stream");
    private static final MediaType NDJSON = MediaType.parse("application/x-ndjson");

    private final Server server;
    private final List<ReceivedChat> received = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> stalledStreamsClosed = new CopyOnWriteArrayList<>();
    private volatile Function<ReceivedChat, HttpResponse> behaviour = this::succeed;
    /** Requests left before the scripted behaviour reverts to answering normally; negative for never. */
    private final AtomicInteger scriptedRequestsLeft = new AtomicInteger(-1);

    protected FakeProvider() {
        server = Server.builder()
                       .http(new InetSocketAddress("127.0.0.1", 0))
                       .serviceUnder("/", (ctx, req) -> HttpResponse.of(
                               req.aggregate().thenApply(aggregated -> handle(ctx, aggregated))))
                       .build();
        server.start().join();
    }

    /** {@code http://127.0.0.1:port} followed by {@code path}, e.g. {@code /v1}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.activeLocalPort() + path;
    }

    /** The chat requests received since the last {@link #reset()}, oldest first. */
    public List<ReceivedChat> received() {
        return List.copyOf(received);
    }

    /** Answers every following request with {@code status} and this provider's error body. */
    public void failWith(int status) {
        script(chat -> HttpResponse.of(HttpStatus.valueOf(status), MediaType.JSON_UTF_8,
                                            errorBody(status, errorMessage(status, chat))));
    }

    /** Answers every following request with HTTP 200 and a body this provider's clients cannot parse. */
    public void answerMalformed() {
        script(chat -> chat.stream() ? malformedStream()
                                     : HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, "{\"id\": \"tru"));
    }

    /** Answers every following request normally, but only after {@code delay}. */
    public void answerAfter(Duration delay) {
        script(chat -> HttpResponse.delayed(succeed(chat), delay));
    }

    /** Answers every following request with 429 and a {@code Retry-After} of {@code retryAfter} (whole seconds). */
    public void rateLimit(Duration retryAfter) {
        script(chat -> HttpResponse.of(ResponseHeaders.builder(HttpStatus.TOO_MANY_REQUESTS)
                                                      .contentType(MediaType.JSON_UTF_8)
                                                      .set("retry-after", String.valueOf(retryAfter.toSeconds()))
                                                      .build(),
                                       HttpData.ofUtf8(errorBody(429, errorMessage(429, chat)))));
    }

    /** Starts every following response, then drops the connection before any of its body is sent. */
    public void dropConnections() {
        script(chat -> HttpResponse.of(ResponseHeaders.of(HttpStatus.OK, "content-type", MediaType.JSON_UTF_8),
                                       StreamMessage.aborted(new IllegalStateException("connection dropped"))));
    }

    /**
     * Streams every following reply, but drops the connection after its first {@code events} chunks, with a pause
     * before the drop so that those chunks reach the client first.
     */
    public void dropStreamsAfter(int events) {
        script(chat -> {
            final SplitHttpResponse reply = succeed(chat).split();
            return HttpResponse.of(reply.headers().thenCombine(reply.body().collect(), (headers, chunks) -> {
                final StreamWriter<HttpObject> cut = StreamMessage.streaming();
                chunks.subList(0, events).forEach(cut::write);
                CompletableFuture.delayedExecutor(PAUSE_BEFORE_DROP.toMillis(), TimeUnit.MILLISECONDS)
                                 .execute(() -> cut.abort(new IllegalStateException(
                                         "stream dropped after " + events + " events")));
                return HttpResponse.of(headers, cut);
            }));
        });
    }

    /** The behaviour scripted last applies to the next {@code requests} requests only; then normal answers. */
    public void onlyFor(int requests) {
        scriptedRequestsLeft.set(requests);
    }

    /** Answers normally again, keeping the record of what was received. */
    public void answerNormally() {
        script(this::succeed);
    }

    /**
     * Streams every following reply up to its first {@code deltas} deltas, then goes quiet without ending
     * the body. Unary requests are answered normally.
     */
    public void stallStreamsAfter(int deltas) {
        streamAs(streamed -> stalled(streamed.type(), streamed.upToDeltas(deltas)));
    }

    /**
     * Streams every following reply up to its first {@code deltas} deltas, then ends the body cleanly, so
     * that the provider's final event never comes. Unary requests are answered normally.
     */
    public void endStreamsAfter(int deltas) {
        streamAs(streamed -> chunked(streamed.type(), streamed.upToDeltas(deltas)));
    }

    /** Completes once the client has closed every stream stalled since the last {@link #reset()}. */
    public CompletableFuture<Void> stalledStreamsClosed() {
        return CompletableFuture.allOf(stalledStreamsClosed.toArray(CompletableFuture[]::new));
    }

    /** Forgets what was received and answers normally again. */
    public void reset() {
        received.clear();
        stalledStreamsClosed.clear();
        answerNormally();
    }

    /** Stops serving. It takes a couple of seconds, mostly waiting: stop several fakes together. */
    public CompletableFuture<Void> stop() {
        return server.stop();
    }

    /**
     * Reads a request to this provider's chat endpoint; {@code null} for any other path.
     *
     * @param body the request body, parsed
     */
    @Nullable
    protected abstract ReceivedChat read(ServiceRequestContext ctx, AggregatedHttpRequest request, JsonNode body);

    /** The whole reply in one JSON body. */
    protected abstract HttpResponse reply(ReceivedChat chat);

    /** The reply streamed as {@link #REPLY_CHUNKS}, ending with usage. */
    protected abstract StreamedReply streamedReply(ReceivedChat chat);

    /** This provider's error JSON for {@code status}. */
    protected abstract String errorBody(int status, String message);

    /** A stream whose framing is right but whose first event's payload is cut off. */
    protected abstract HttpResponse malformedStream();

    /**
     * A streamed reply as the pieces of body the fake writes one at a time: those before the deltas, one per
     * delta of {@link #REPLY_CHUNKS}, and those that end the stream.
     */
    protected record StreamedReply(MediaType type, List<String> opening, List<String> deltas, List<String> ending) {
        /** Server-sent events; each is complete, blank line included. */
        static StreamedReply events(List<String> opening, List<String> deltas, List<String> ending) {
            return new StreamedReply(EVENT_STREAM, opening, deltas, ending);
        }

        /** Newline-delimited JSON, one line per piece. */
        static StreamedReply ndjson(List<String> deltas, List<String> ending) {
            return new StreamedReply(NDJSON, List.of(), lines(deltas), lines(ending));
        }

        List<String> pieces() {
            return concat(opening, deltas, ending);
        }

        /** The opening and the first {@code count} deltas. */
        List<String> upToDeltas(int count) {
            return concat(opening, deltas.subList(0, count), List.of());
        }

        private static List<String> lines(List<String> lines) {
            return lines.stream().map(line -> line + '\n').toList();
        }

        private static List<String> concat(List<String> first, List<String> second, List<String> third) {
            final List<String> all = new ArrayList<>(first);
            all.addAll(second);
            all.addAll(third);
            return all;
        }
    }

    /** Server-sent events, written as separate chunks; each event is complete, blank line included. */
    protected static HttpResponse eventStream(List<String> events) {
        return chunked(EVENT_STREAM, events);
    }

    /** {@code data: json} and the blank line that ends the event. */
    protected static String data(String json) {
        return "data: " + json + "\n\n";
    }

    /** Newline-delimited JSON, one line per chunk. */
    protected static HttpResponse ndjson(List<String> lines) {
        return chunked(NDJSON, StreamedReply.lines(lines));
    }

    protected static HttpResponse json(String body) {
        return HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, body);
    }

    /** {@code text} as a JSON string literal. */
    protected static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nullable
    protected static Double doubleOrNull(JsonNode node) {
        return node.isNumber() ? node.doubleValue() : null;
    }

    @Nullable
    protected static Integer intOrNull(JsonNode node) {
        return node.isNumber() ? node.intValue() : null;
    }

    @Nullable
    protected static String bearer(AggregatedHttpRequest request) {
        final String authorization = request.headers().get("authorization");
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }

    /** Message content as a plain string, or as an array of parts whose {@code text} fields add up. */
    protected static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        final StringBuilder text = new StringBuilder();
        content.forEach(part -> text.append(part.path("text").asText()));
        return text.toString();
    }

    /** A string or an array of strings, as APIs accept for stop sequences. */
    protected static List<String> strings(JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        final List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText()));
        return values;
    }

    protected static QueryParams query(ServiceRequestContext ctx) {
        return QueryParams.fromQueryString(ctx.query());
    }

    private HttpResponse handle(ServiceRequestContext ctx, AggregatedHttpRequest request) {
        final JsonNode body;
        try {
            body = JSON.readTree(request.contentUtf8());
        } catch (JsonProcessingException e) {
            return HttpResponse.of(HttpStatus.BAD_REQUEST, MediaType.PLAIN_TEXT_UTF_8, "not JSON: " + e);
        }
        final ReceivedChat chat = read(ctx, request, body);
        if (chat == null) {
            return HttpResponse.of(HttpStatus.NOT_FOUND);
        }
        received.add(chat);
        final Function<ReceivedChat, HttpResponse> current = behaviour;
        if (scriptedRequestsLeft.getAndUpdate(left -> left > 0 ? left - 1 : left) == 1) {
            behaviour = this::succeed;
        }
        return current.apply(chat);
    }

    private void script(Function<ReceivedChat, HttpResponse> next) {
        scriptedRequestsLeft.set(-1);
        behaviour = next;
    }

    /** Answers unary requests normally, and streamed ones with what {@code stream} makes of the reply. */
    private void streamAs(Function<StreamedReply, HttpResponse> stream) {
        behaviour = chat -> chat.stream() ? stream.apply(streamedReply(chat)) : reply(chat);
    }

    private HttpResponse succeed(ReceivedChat chat) {
        if (!chat.stream()) {
            return reply(chat);
        }
        final StreamedReply streamed = streamedReply(chat);
        return chunked(streamed.type(), streamed.pieces());
    }

    /** Writes {@code pieces} and then nothing, leaving the body open until the client closes it. */
    private HttpResponse stalled(MediaType type, List<String> pieces) {
        final HttpResponseWriter response = HttpResponse.streaming();
        response.write(ResponseHeaders.of(HttpStatus.OK, "content-type", type));
        pieces.forEach(piece -> response.write(HttpData.of(StandardCharsets.UTF_8, piece)));
        stalledStreamsClosed.add(response.whenComplete().handle((ignored, cause) -> null));
        return response;
    }

    /** Like the real APIs, a rejected key is quoted back, so tests can check that the gateway hides it. */
    private static String errorMessage(int status, ReceivedChat chat) {
        return switch (status) {
            case 401 -> "Incorrect API key provided: " + chat.apiKey();
            case 429 -> "Rate limit reached for requests";
            default -> "The server had an error while processing your request";
        };
    }

    private static HttpResponse chunked(MediaType type, List<String> chunks) {
        final HttpData[] data = chunks.stream()
                                      .map(chunk -> HttpData.of(StandardCharsets.UTF_8, chunk))
                                      .toArray(HttpData[]::new);
        return HttpResponse.of(ResponseHeaders.of(HttpStatus.OK, "content-type", type), StreamMessage.of(data));
    }
}
