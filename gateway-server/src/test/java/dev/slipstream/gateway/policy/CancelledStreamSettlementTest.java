package dev.slipstream.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;

import dev.slipstream.api.gateway.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceStub;
import dev.slipstream.api.gateway.v1.GenerationOptions;
import dev.slipstream.api.gateway.v1.GetUsageRequest;
import dev.slipstream.api.gateway.v1.GetUsageResponse;
import dev.slipstream.api.gateway.v1.ListProviderHealthRequest;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.api.gateway.v1.StreamCompleteRequest;
import dev.slipstream.api.gateway.v1.StreamCompleteResponse;
import dev.slipstream.api.gateway.v1.UsageGrouping;
import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.config.ApiKeyConfig;
import dev.slipstream.gateway.config.AuthConfig;
import dev.slipstream.gateway.config.BudgetConfig;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.config.ModelConfig;
import dev.slipstream.gateway.config.PriceConfig;
import dev.slipstream.gateway.config.ProviderConfig;
import dev.slipstream.gateway.config.RateLimitConfig;
import dev.slipstream.gateway.config.RetryConfig;
import dev.slipstream.gateway.config.RouteConfig;
import dev.slipstream.gateway.config.TargetConfig;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.provider.fake.FakeProvider;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

/**
 * A stream the caller cancels after two chunks (gRPC cancel; HTTP connection closed) is settled to what was
 * produced: the ledger holds the prompt plus the two delivered chunks at the model's price, and the token
 * limit and the budget get the rest of the admission estimate back. A stream cancelled while no target is
 * working on it (waiting to retry) is charged nothing.
 *
 * <p>Each key's budget and token limit fit one admission estimate and a bit: had the cancelled call kept its
 * estimate, the follow-up call with the same estimate would be refused.
 */
class CancelledStreamSettlementTest {
    private static final String PROMPT = "Explain implementation shortfall in one paragraph.";
    private static final int MAX_TOKENS = 1_000;
    private static final TokenCounter TOKENS = new TokenCounter();
    private static final long PROMPT_TOKENS = TOKENS.countPrompt(List.of(new ChatMessage(
            dev.slipstream.gateway.chat.Role.USER, PROMPT)));
    /** The admission estimate: prompt plus the output limit; priced at 1 and 2 micro-USD per token. */
    private static final long ESTIMATED_TOKENS = PROMPT_TOKENS + MAX_TOKENS;
    private static final long ESTIMATED_MICROS = PROMPT_TOKENS + 2L * MAX_TOKENS;
    private static final String DELIVERED = FakeProvider.REPLY_CHUNKS.get(0) + FakeProvider.REPLY_CHUNKS.get(1);
    private static final long DELIVERED_TOKENS = TOKENS.count(DELIVERED);
    private static final long SETTLED_MICROS = PROMPT_TOKENS + 2L * DELIVERED_TOKENS;
    private static final long TOKEN_LIMIT = ESTIMATED_TOKENS + ESTIMATED_TOKENS / 2;

    /** A route whose one target is retried once, honouring Retry-After. */
    private static final String RETRYING = "gpt-retrying";

    private static FakeOpenAi openAi;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        openAi = new FakeOpenAi();
        final GatewayConfig embedded = EmbeddedConfig.create(Map.of());
        gateway = RunningGateway.start(
                embedded.withProviders(List.of(embedded.providers().get(0),
                                               new ProviderConfig("openai", "openai", openAi.url("/v1"),
                                                                  "provider-key-0123456789", null, null, null,
                                                                  null)))
                        .withModels(List.of(embedded.models().get(0),
                                            new ModelConfig("gpt", "openai", "gpt-4o", null)))
                        .withRoutes(List.of(new RouteConfig(RETRYING, "fallback", List.of(new TargetConfig(
                                "openai", "gpt-4o", null, null, new RetryConfig(2, null, null, null), null,
                                null)))))
                        .withPricing(List.of(new PriceConfig("gpt", 1_000_000L, null, null, 2_000_000L, null)))
                        .withAuth(new AuthConfig(null, List.of(key("grpc-caller"), key("http-caller"),
                                                               key("retry-caller")))));
    }

    private static ApiKeyConfig key(String id) {
        return new ApiKeyConfig(id, secret(id), null, "tenant-" + id, null, null, null,
                                new RateLimitConfig(null, TOKEN_LIMIT, null),
                                new BudgetConfig(ESTIMATED_MICROS + ESTIMATED_MICROS / 2, null), null, null, null);
    }

    private static String secret(String id) {
        return id + "-secret-0123456789";
    }

    @AfterAll
    static void stop() {
        gateway.close();
        openAi.stop().join();
    }

    @BeforeEach
    void stallAfterTwoChunks() {
        openAi.reset();
        openAi.stallStreamsAfter(2);
    }

    @Test
    void aCancelledGrpcStreamIsSettledToWhatWasDelivered() throws Exception {
        final CountDownLatch twoChunks = new CountDownLatch(2);
        final ClientCallStreamObserver<StreamCompleteRequest> call = stream("grpc-caller", "gpt", twoChunks);
        assertThat(twoChunks.await(10, TimeUnit.SECONDS)).as("two chunks arrive").isTrue();

        call.cancel("the caller went away", null);

        assertSettled("grpc-caller");
    }

    @Test
    void aStreamCancelledWhileWaitingToRetryIsChargedNothing() throws Exception {
        openAi.rateLimit(Duration.ofSeconds(3));
        final ClientCallStreamObserver<StreamCompleteRequest> call =
                stream("retry-caller", RETRYING, new CountDownLatch(1));
        final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!firstAttemptFailed()) {
            assertThat(System.nanoTime()).as("the first attempt fails with 429").isLessThan(deadline);
            Thread.sleep(10);
        }

        call.cancel("the caller went away", null);

        // Once the cancel is settled, the whole estimate is back: a call with the same estimate fits again,
        // and leaves exactly one estimate taken.
        openAi.answerNormally();
        AggregatedHttpResponse followUp = followUp("retry-caller");
        while (followUp.status().code() == 429) {
            assertThat(System.nanoTime()).as("the cancelled call gives its estimate back").isLessThan(deadline);
            Thread.sleep(20);
            followUp = followUp("retry-caller");
        }
        assertThat(followUp.status().code()).as(followUp.contentUtf8()).isEqualTo(200);
        assertThat(followUp.headers().get("x-ratelimit-remaining-tokens"))
                .isEqualTo(String.valueOf(TOKEN_LIMIT - ESTIMATED_TOKENS));
        assertThat(openAi.received()).as("no attempt after the cancel, besides the follow-up").hasSize(2);
    }

    /** The route's target has seen one call fail and none is under way: the route waits to retry. */
    private static boolean firstAttemptFailed() {
        return gateway.grpcClient().build(AdminServiceBlockingStub.class)
                      .listProviderHealth(ListProviderHealthRequest.getDefaultInstance()).getTargetsList().stream()
                      .anyMatch(target -> target.getRoute().equals(RETRYING) && target.getBufferedCalls() == 1 &&
                                          target.getInFlightCalls() == 0);
    }

    /** Starts a stream of {@code model} for the key {@code keyId}; {@code chunks} counts down per chunk. */
    private static ClientCallStreamObserver<StreamCompleteRequest> stream(String keyId, String model,
                                                                          CountDownLatch chunks) {
        final CompletableFuture<ClientCallStreamObserver<StreamCompleteRequest>> call = new CompletableFuture<>();
        gateway.grpcClient(secret(keyId)).build(ChatServiceStub.class).streamComplete(
                StreamCompleteRequest.newBuilder().setModel(model)
                                     .setOptions(GenerationOptions.newBuilder().setMaxOutputTokens(MAX_TOKENS))
                                     .addMessages(Message.newBuilder().setRole(Role.ROLE_USER).setContent(PROMPT))
                                     .build(),
                new ClientResponseObserver<StreamCompleteRequest, StreamCompleteResponse>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<StreamCompleteRequest> requests) {
                        call.complete(requests);
                    }

                    @Override
                    public void onNext(StreamCompleteResponse value) {
                        if (!value.getContentDelta().isEmpty()) {
                            chunks.countDown();
                        }
                    }

                    @Override
                    public void onError(Throwable t) {}

                    @Override
                    public void onCompleted() {}
                });
        return call.join();
    }

    @Test
    void aStreamWhoseHttpConnectionIsClosedIsSettledToWhatWasDelivered() throws Exception {
        final String body = "{\"model\":\"gpt\",\"stream\":true,\"max_tokens\":" + MAX_TOKENS +
                            ",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}";
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(10_000);
            final OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nhost: 127.0.0.1\r\n" +
                       "authorization: Bearer " + secret("http-caller") + "\r\n" +
                       "content-type: application/json\r\ncontent-length: " +
                       body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                              .getBytes(StandardCharsets.UTF_8));
            out.flush();
            final BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                                                                               StandardCharsets.UTF_8));
            String line;
            do {
                line = in.readLine();
                assertThat(line).as("the stream goes on until the second chunk").isNotNull();
            } while (!line.contains("\"content\":\"" + FakeProvider.REPLY_CHUNKS.get(1) + '"'));
        }

        assertSettled("http-caller");
    }

    /** A unary call with the same estimate as the streams, over HTTP to see the remaining-quota header. */
    private static AggregatedHttpResponse followUp(String keyId) {
        return BlockingWebClient.of(gateway.httpUri()).execute(
                HttpRequest.builder().post("/v1/chat/completions")
                           .header("authorization", "Bearer " + secret(keyId))
                           .content(MediaType.JSON_UTF_8,
                                    "{\"model\":\"gpt\",\"max_tokens\":" + MAX_TOKENS +
                                    ",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}")
                           .build());
    }

    private static void assertSettled(String keyId) throws Exception {
        // The gateway settles a cancelled stream before it closes the upstream one.
        openAi.stalledStreamsClosed().get(10, TimeUnit.SECONDS);

        final String today = LocalDate.now(ZoneOffset.UTC).toString();
        final GetUsageResponse usage = gateway.grpcClient().build(AdminServiceBlockingStub.class).getUsage(
                GetUsageRequest.newBuilder().setStartDay(today).setEndDay(today)
                               .addGroupBy(UsageGrouping.USAGE_GROUPING_KEY).build());
        assertThat(usage.getRowsList()).filteredOn(row -> row.getKeyId().equals(keyId)).singleElement()
                                       .satisfies(row -> {
                                           assertThat(row.getRequests()).isEqualTo(1);
                                           assertThat(row.getInputTokens()).isEqualTo(PROMPT_TOKENS);
                                           assertThat(row.getOutputTokens()).isEqualTo(DELIVERED_TOKENS);
                                           assertThat(row.getCostMicrosUsd()).isEqualTo(SETTLED_MICROS);
                                       });

        // The follow-up call is admitted, and the token limit shows exactly the settled usage taken.
        openAi.answerNormally();
        final AggregatedHttpResponse followUp = followUp(keyId);
        assertThat(followUp.status().code()).as(followUp.contentUtf8()).isEqualTo(200);
        assertThat(followUp.headers().get("x-ratelimit-remaining-tokens"))
                .isEqualTo(String.valueOf(TOKEN_LIMIT - PROMPT_TOKENS - DELIVERED_TOKENS - ESTIMATED_TOKENS));
    }
}
