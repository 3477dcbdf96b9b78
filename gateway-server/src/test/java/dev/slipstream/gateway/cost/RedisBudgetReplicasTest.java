package dev.slipstream.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.rpc.ErrorInfo;

import dev.slipstream.api.gateway.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.CompleteResponse;
import dev.slipstream.api.gateway.v1.GenerationOptions;
import dev.slipstream.api.gateway.v1.GetUsageRequest;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.context.testing.RedisServerProcess;
import dev.slipstream.gateway.config.ApiKeyConfig;
import dev.slipstream.gateway.config.AuthConfig;
import dev.slipstream.gateway.config.BudgetConfig;
import dev.slipstream.gateway.config.ContextStoreConfig;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.config.PriceConfig;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Two gateways sharing one real redis-server share budgets and the ledger: 40 concurrent calls over both
 * against a monthly budget that fits 10 estimates spend no more than the budget (the local model never
 * passes its estimate), and GetUsage on either replica equals the sum of the costs on all responses.
 */
class RedisBudgetReplicasTest {
    private static final String KEY = "shared-budget-key-0123456789";
    private static final int MAX_OUTPUT_TOKENS = 13;
    private static final long ESTIMATE_MICROS = 7 + MAX_OUTPUT_TOKENS;
    private static final long BUDGET_MICROS = 10 * ESTIMATE_MICROS;

    private static RedisServerProcess redis;
    private static RunningGateway replicaA;
    private static RunningGateway replicaB;

    @BeforeAll
    static void start() {
        redis = RedisServerProcess.start();
        final GatewayConfig config =
                EmbeddedConfig.create(Map.of())
                              .withAuth(new AuthConfig(null, List.of(new ApiKeyConfig(
                                      "shared", KEY, null, "t", null, null, null, null,
                                      new BudgetConfig(null, BUDGET_MICROS), null, null, null))))
                              .withPricing(List.of(new PriceConfig("local", 1_000_000L, null, null, 1_000_000L,
                                                                   null)))
                              .withContextStore(new ContextStoreConfig(redis.uri(), null, null, null, null, null,
                                                                       null, null, null));
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
    void replicasShareOneBudgetAndOneLedger() throws Exception {
        final List<ChatServiceBlockingStub> replicas = List.of(
                replicaA.grpcClient(KEY).build(ChatServiceBlockingStub.class),
                replicaB.grpcClient(KEY).build(ChatServiceBlockingStub.class));
        final CompleteRequest request = CompleteRequest.newBuilder().setModel("local").addMessages(
                Message.newBuilder().setRole(Role.ROLE_USER).setContent("hi"))
                .setOptions(GenerationOptions.newBuilder().setMaxOutputTokens(MAX_OUTPUT_TOKENS)).build();
        final ExecutorService callers = Executors.newFixedThreadPool(40);
        final CountDownLatch ready = new CountDownLatch(40);
        final List<Future<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            final ChatServiceBlockingStub replica = replicas.get(i % 2);
            calls.add(callers.submit(() -> {
                ready.countDown();
                ready.await();
                try {
                    return replica.complete(request);
                } catch (StatusRuntimeException e) {
                    return e;
                }
            }));
        }
        long spent = 0;
        int served = 0;
        final List<StatusRuntimeException> refused = new ArrayList<>();
        for (Future<Object> call : calls) {
            if (call.get() instanceof CompleteResponse response) {
                assertThat(response.getCostMicrosUsd()).isBetween(1L, ESTIMATE_MICROS);
                spent += response.getCostMicrosUsd();
                served++;
            } else {
                refused.add((StatusRuntimeException) call.get());
            }
        }
        callers.shutdownNow();

        assertThat(served).isGreaterThanOrEqualTo(10);
        assertThat(spent).isLessThanOrEqualTo(BUDGET_MICROS);
        assertThat(refused).isNotEmpty().allSatisfy(e -> assertThat(
                StatusProto.fromThrowable(e).getDetails(0).unpack(ErrorInfo.class).getReason())
                .isEqualTo("BUDGET_EXCEEDED"));

        final String today = LocalDate.now(ZoneOffset.UTC).toString();
        final GetUsageRequest usage = GetUsageRequest.newBuilder().setStartDay(today).setEndDay(today).build();
        for (RunningGateway replica : List.of(replicaA, replicaB)) {
            assertThat(ledgerTotal(replica, usage, spent)).isEqualTo(spent);
        }
    }

    /**
     * The ledger's total once it reaches {@code expected}, or after a second: ledger writes leave while the
     * response does and may still be on the other replica's connection when this asks.
     */
    private static long ledgerTotal(RunningGateway replica, GetUsageRequest usage, long expected)
            throws InterruptedException {
        final AdminServiceBlockingStub admin = replica.grpcClient().build(AdminServiceBlockingStub.class);
        long total = admin.getUsage(usage).getTotalCostMicrosUsd();
        for (int i = 0; i < 20 && total != expected; i++) {
            Thread.sleep(50);
            total = admin.getUsage(usage).getTotalCostMicrosUsd();
        }
        return total;
    }
}
