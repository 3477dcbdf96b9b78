package dev.slipstream.gateway.ratelimit;

import static dev.slipstream.gateway.ratelimit.LimitedGateways.config;
import static dev.slipstream.gateway.ratelimit.LimitedGateways.errorInfo;
import static dev.slipstream.gateway.ratelimit.LimitedGateways.key;
import static dev.slipstream.gateway.ratelimit.LimitedGateways.limits;
import static dev.slipstream.gateway.ratelimit.LimitedGateways.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import dev.slipstream.api.gateway.v1.CompleteResponse;
import dev.slipstream.context.testing.RedisServerProcess;
import dev.slipstream.gateway.config.ContextStoreConfig;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.StatusRuntimeException;

/**
 * Two gateways (in this JVM) sharing one real redis-server enforce one limit: requests spread over both
 * replicas within a minute get exactly the per-key limit, and the tokens limit holds across them too.
 */
class RedisRateLimitReplicasTest {
    private static final String TWENTY_PER_MINUTE = "twenty-per-minute-0123456789";
    private static final String TOKEN_LIMITED = "token-limited-0123456789";
    private static final int MAX_TOKENS = 43;
    private static final long ESTIMATE = LimitedGateways.PROMPT_TOKENS + MAX_TOKENS;
    private static final long TOKENS_PER_MINUTE = 20 * ESTIMATE;

    private static RedisServerProcess redis;
    private static RunningGateway replicaA;
    private static RunningGateway replicaB;

    @BeforeAll
    static void start() {
        redis = RedisServerProcess.start();
        final GatewayConfig config = config(
                List.of(key("twenty", TWENTY_PER_MINUTE, "t", limits(20, 0, 0)),
                        key("tokens", TOKEN_LIMITED, "t", limits(0, TOKENS_PER_MINUTE, 0))),
                List.of())
                .withContextStore(new ContextStoreConfig(redis.uri(), null, null, null, null, null, null, null, null));
        replicaA = RunningGateway.start(config);
        replicaB = RunningGateway.start(config);
    }

    @AfterAll
    static void stop() {
        replicaA.close();
        replicaB.close();
        redis.close();
    }

    @Test
    void sixtyRequestsOverTwoReplicasGetExactlyTwenty() throws Exception {
        final List<Outcome> outcomes = sendSixty(TWENTY_PER_MINUTE);

        assertThat(outcomes.stream().filter(o -> o.response != null)).hasSize(20);
        assertThat(outcomes.stream().filter(o -> o.failure != null))
                .hasSize(40)
                .allSatisfy(o -> assertThat(errorInfo(o.failure).getReason()).isEqualTo("RATE_LIMITED"));
    }

    @Test
    void theTokensLimitHoldsAcrossReplicas() throws Exception {
        final List<Outcome> outcomes = sendSixty(TOKEN_LIMITED);

        final List<CompleteResponse> served = outcomes.stream().filter(o -> o.response != null)
                                                      .map(o -> o.response).toList();
        final long tokensServed = served.stream().mapToLong(r -> r.getUsage().getTotalTokens()).sum();
        // Each call takes its estimate and gives back what it did not use, so the real use of everything
        // served stays within the limit, and at least limit / estimate calls fit.
        assertThat(tokensServed).isLessThanOrEqualTo(TOKENS_PER_MINUTE);
        assertThat(served).hasSizeGreaterThanOrEqualTo((int) (TOKENS_PER_MINUTE / ESTIMATE));
        assertThat(outcomes.stream().filter(o -> o.failure != null))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(errorInfo(o.failure).getMetadataMap()).containsEntry("limit", "tokens"));
    }

    private record Outcome(CompleteResponse response, StatusRuntimeException failure) {}

    /** 60 calls, alternating between the replicas, six at a time. */
    private static List<Outcome> sendSixty(String key) throws Exception {
        final List<ChatServiceBlockingStub> replicas = List.of(
                replicaA.grpcClient(key).build(ChatServiceBlockingStub.class),
                replicaB.grpcClient(key).build(ChatServiceBlockingStub.class));
        final ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            final List<Future<Outcome>> calls = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                final ChatServiceBlockingStub replica = replicas.get(i % 2);
                calls.add(callers.submit(() -> {
                    try {
                        return new Outcome(replica.complete(request(MAX_TOKENS)), null);
                    } catch (StatusRuntimeException e) {
                        return new Outcome(null, e);
                    }
                }));
            }
            final List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> call : calls) {
                outcomes.add(call.get());
            }
            return outcomes;
        } finally {
            callers.shutdownNow();
        }
    }
}
