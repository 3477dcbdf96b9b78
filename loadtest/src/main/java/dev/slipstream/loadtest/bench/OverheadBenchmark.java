package dev.slipstream.loadtest.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;

import dev.slipstream.api.gateway.v1.ChatServiceGrpc;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.CompleteResponse;
import dev.slipstream.api.gateway.v1.GenerationOptions;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import io.grpc.stub.StreamObserver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures what the gateway adds to a call: the same open-loop load against the mock upstream directly
 * (HTTP), then through the gateway's OpenAI-compatible HTTP route and its gRPC {@code Complete}. Prints a
 * Markdown table of latency percentiles and the overhead over the direct path.
 */
@Command(name = "bench-overhead", mixinStandardHelpOptions = true,
         description = "Gateway overhead over a mock upstream, at a fixed request rate (open loop).")
public final class OverheadBenchmark implements Callable<Integer> {
    private static final String PROMPT = "Slice a 5 BTC buy over the next hour; reply in one sentence.";

    @Option(names = "--mock-url", defaultValue = "http://127.0.0.1:19100", description = "the mock upstream")
    String mockUrl;

    @Option(names = "--mock-model", defaultValue = "mock-model", description = "model name sent to the mock")
    String mockModel;

    @Option(names = "--gateway-url", defaultValue = "http://127.0.0.1:18080", description = "the gateway")
    String gatewayUrl;

    @Option(names = "--gateway-model", defaultValue = "mock", description = "gateway alias routed to the mock")
    String gatewayModel;

    @Option(names = "--api-key", required = true, description = "the gateway's API key")
    String apiKey;

    @Option(names = "--rps", defaultValue = "1000", description = "requests per second")
    int rps;

    @Option(names = "--warmup-s", defaultValue = "10", description = "seconds of unmeasured warm-up")
    int warmupSeconds;

    @Option(names = "--duration-s", defaultValue = "30", description = "measured seconds per scenario")
    int durationSeconds;

    @Option(names = "--max-in-flight", defaultValue = "5000", description = "calls beyond this are dropped")
    int maxInFlight;

    public static void main(String[] args) {
        System.exit(new CommandLine(new OverheadBenchmark()).execute(args));
    }

    @Override
    public Integer call() {
        final List<BenchRun> results = new ArrayList<>();
        try (ClientFactory factory = ClientFactory.builder().idleTimeoutMillis(60_000).build()) {
            final WebClient direct = WebClient.builder(mockUrl.replace("http://", "h1c://"))
                                              .factory(factory).build();
            final WebClient viaGateway = WebClient.builder(gatewayUrl.replace("http://", "h1c://"))
                                                  .factory(factory)
                                                  .addHeader("authorization", "Bearer " + apiKey)
                                                  .build();
            final ChatServiceGrpc.ChatServiceStub grpc =
                    GrpcClients.builder(gatewayUrl).factory(factory)
                               .addHeader("authorization", "Bearer " + apiKey)
                               .build(ChatServiceGrpc.ChatServiceStub.class);
            results.add(run("mock directly (HTTP/1.1)", httpCall(direct, mockModel)));
            results.add(run("gateway, OpenAI HTTP/1.1", httpCall(viaGateway, gatewayModel)));
            results.add(run("gateway, gRPC Complete", grpcCall(grpc)));
        }
        System.out.println(table(results));
        return results.stream().allMatch(BenchRun::clean) ? 0 : 1;
    }

    private BenchRun run(String name, Supplier<CompletableFuture<?>> call) {
        return BenchRun.run(name, rps, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds),
                            maxInFlight, call);
    }

    private static Supplier<CompletableFuture<?>> httpCall(WebClient client, String model) {
        final String body = "{\"model\":\"" + model + "\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\"," +
                            "\"content\":\"" + PROMPT + "\"}]}";
        final RequestHeaders headers = RequestHeaders.builder(HttpMethod.POST, "/v1/chat/completions")
                                                     .contentType(MediaType.JSON_UTF_8).build();
        return () -> client.execute(HttpRequest.of(headers, com.linecorp.armeria.common.HttpData.ofUtf8(body)))
                           .aggregate()
                           .thenApply(response -> {
                               if (response.status().code() != 200) {
                                   throw new IllegalStateException("HTTP " + response.status());
                               }
                               return response;
                           });
    }

    private Supplier<CompletableFuture<?>> grpcCall(ChatServiceGrpc.ChatServiceStub stub) {
        final CompleteRequest request =
                CompleteRequest.newBuilder().setModel(gatewayModel)
                               .setOptions(GenerationOptions.newBuilder().setMaxOutputTokens(64))
                               .addMessages(Message.newBuilder().setRole(Role.ROLE_USER).setContent(PROMPT))
                               .build();
        return () -> {
            final CompletableFuture<CompleteResponse> future = new CompletableFuture<>();
            stub.complete(request, new StreamObserver<>() {
                @Override
                public void onNext(CompleteResponse value) {
                    future.complete(value);
                }

                @Override
                public void onError(Throwable t) {
                    future.completeExceptionally(t);
                }

                @Override
                public void onCompleted() {}
            });
            return future;
        };
    }

    private String table(List<BenchRun> results) {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Open loop at %d requests/s, %d s warm-up, %d s measured per row.%n%n",
                                 rps, warmupSeconds, durationSeconds));
        out.append(BenchRun.MARKDOWN_HEADER);
        results.forEach(r -> out.append(r.markdownRow()));
        results.forEach(r -> out.append(r.errorSummary()));
        final BenchRun base = results.get(0);
        out.append("\nOverhead over the direct path:\n\n| path | p50 ms | p99 ms | throughput ratio |\n|---|---|---|---|\n");
        for (BenchRun r : results.subList(1, results.size())) {
            out.append(String.format(Locale.ROOT, "| %s | %+.3f | %+.3f | %.3f |%n", r.name(),
                                     r.millisAt(50) - base.millisAt(50), r.millisAt(99) - base.millisAt(99),
                                     r.result().requestsPerSecond() / base.result().requestsPerSecond()));
        }
        return out.toString();
    }
}
