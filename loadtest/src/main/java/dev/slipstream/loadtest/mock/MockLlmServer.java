package dev.slipstream.loadtest.mock;

import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServiceRequestContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A mock OpenAI chat completions server for measuring gateway overhead: a fixed reply after a fixed or
 * jittered delay, with realistic usage, streaming included. Binds loopback only.
 */
@Command(name = "mock-upstream", mixinStandardHelpOptions = true,
         description = "Serve a mock OpenAI-compatible POST /v1/chat/completions on 127.0.0.1.")
public final class MockLlmServer implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REPLY = "The order should be sliced evenly over the horizon to limit impact.";
    private static final String[] REPLY_WORDS = REPLY.split("(?<= )");
    private static final int REPLY_TOKENS = 14;
    /** A rough chars-per-token ratio for the prompt's usage; the gateway does not check it. */
    private static final int CHARS_PER_TOKEN = 4;

    @Option(names = "--port", description = "port on 127.0.0.1 (0 = any free port)", defaultValue = "9100")
    int port;

    @Option(names = "--latency-ms", description = "delay before the reply", defaultValue = "0")
    long latencyMs;

    @Option(names = "--jitter-ms", description = "uniform random extra delay, 0 to this", defaultValue = "0")
    long jitterMs;

    @Option(names = "--fault-every-s", defaultValue = "0",
            description = "inject an upstream fault at the start of every this many seconds (wall clock; 0 = never)")
    long faultEverySeconds;

    @Option(names = "--fault-duration-s", defaultValue = "5", description = "how long each fault lasts")
    long faultDurationSeconds;

    @Option(names = "--fault-kind", defaultValue = "ERROR",
            description = "ERROR (HTTP 500) or STALL (reply only after the fault's duration)")
    FaultSchedule.Kind faultKind;

    public static void main(String[] args) {
        System.exit(new CommandLine(new MockLlmServer()).execute(args));
    }

    @Override
    public Integer call() {
        final FaultSchedule faults = faultSchedule();
        final Server server = start(port, faults);
        System.out.println("mock upstream listening on http://127.0.0.1:" + server.activeLocalPort() + "/v1" +
                           (faults.period().isZero() ? "" : "; faults: " + faults));
        server.whenClosed().join();
        return 0;
    }

    FaultSchedule faultSchedule() {
        return faultEverySeconds == 0 ? FaultSchedule.NONE
                                      : new FaultSchedule(java.time.Duration.ofSeconds(faultEverySeconds),
                                                          java.time.Duration.ofSeconds(faultDurationSeconds),
                                                          faultKind);
    }

    /** Starts a mock on {@code port} of 127.0.0.1 (0 = any free port) with this latency and fault schedule. */
    public Server start(int port, FaultSchedule faults) {
        final Server server = Server.builder()
                                    .http(new InetSocketAddress("127.0.0.1", port))
                                    .service("/v1/chat/completions",
                                             (ctx, req) -> HttpResponse.of(req.aggregate().thenApply(
                                                     aggregated -> faulty(ctx, aggregated, faults))))
                                    .requestTimeoutMillis(0)
                                    .build();
        server.closeOnJvmShutdown();
        server.start().join();
        return server;
    }

    private HttpResponse faulty(ServiceRequestContext ctx, AggregatedHttpRequest request, FaultSchedule faults) {
        if (!faults.activeAt(System.currentTimeMillis())) {
            return reply(ctx, request);
        }
        return switch (faults.kind()) {
            case ERROR -> HttpResponse.of(HttpStatus.INTERNAL_SERVER_ERROR, MediaType.JSON_UTF_8,
                                          "{\"error\":{\"message\":\"injected fault\",\"type\":\"server_error\"}}");
            case STALL -> HttpResponse.delayed(reply(ctx, request), faults.length(), ctx.eventLoop());
        };
    }

    private HttpResponse reply(ServiceRequestContext ctx, AggregatedHttpRequest request) {
        final JsonNode body;
        try {
            body = MAPPER.readTree(request.content().array());
        } catch (java.io.IOException e) {
            return HttpResponse.of(HttpStatus.BAD_REQUEST, MediaType.JSON_UTF_8,
                                   "{\"error\":{\"message\":\"invalid JSON\",\"type\":\"invalid_request_error\"}}");
        }
        final String model = body.path("model").asText("mock");
        final int promptTokens = Math.max(1, body.path("messages").toString().length() / CHARS_PER_TOKEN);
        final boolean stream = body.path("stream").asBoolean(false);
        final HttpResponse response = stream ? streamed(model, promptTokens) : unary(model, promptTokens);
        final long delay = latencyMs + (jitterMs > 0 ? ThreadLocalRandom.current().nextLong(jitterMs + 1) : 0);
        return delay == 0 ? response : HttpResponse.delayed(response, java.time.Duration.ofMillis(delay),
                                                            ctx.eventLoop());
    }

    private static HttpResponse unary(String model, int promptTokens) {
        final String json = "{\"id\":\"chatcmpl-mock\",\"object\":\"chat.completion\",\"created\":" + now() +
                            ",\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":" +
                            "\"assistant\",\"content\":\"" + REPLY + "\"},\"finish_reason\":\"stop\"}]," +
                            usage(promptTokens) + '}';
        return HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, json);
    }

    private static HttpResponse streamed(String model, int promptTokens) {
        final StringBuilder events = new StringBuilder();
        final String head = "data: {\"id\":\"chatcmpl-mock\",\"object\":\"chat.completion.chunk\",\"created\":" +
                            now() + ",\"model\":\"" + model + "\",\"choices\":";
        for (String word : REPLY_WORDS) {
            events.append(head).append("[{\"index\":0,\"delta\":{\"content\":\"").append(word)
                  .append("\"},\"finish_reason\":null}]}\n\n");
        }
        events.append(head).append("[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        events.append(head).append("[],").append(usage(promptTokens)).append("}\n\n");
        events.append("data: [DONE]\n\n");
        return HttpResponse.of(ResponseHeaders.of(HttpStatus.OK, "content-type", "text/event-stream"),
                               HttpData.ofUtf8(events.toString()));
    }

    private static String usage(int promptTokens) {
        return "\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + REPLY_TOKENS +
               ",\"total_tokens\":" + (promptTokens + REPLY_TOKENS) + '}';
    }

    private static long now() {
        return TimeUnit.MILLISECONDS.toSeconds(System.currentTimeMillis());
    }
}
