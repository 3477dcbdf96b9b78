package dev.slipstream.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;

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

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import com.google.rpc.QuotaFailure;

import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.CompleteResponse;
import dev.slipstream.api.gateway.v1.GenerationOptions;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.gateway.config.ApiKeyConfig;
import dev.slipstream.gateway.config.AuthConfig;
import dev.slipstream.gateway.config.BudgetConfig;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.config.PriceConfig;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * 50 concurrent requests against a daily budget that fits 10 estimates. The bound: spend never passes the
 * budget by more than what admitted calls cost beyond their estimates (priced at the most expensive target
 * of the route, so a fallback cannot add to it; here the route is the one target {@code local}); the local
 * model never uses more
 * tokens than estimated (its prompt is counted with the gateway's own tokenizer and its reply is cut at
 * max_output_tokens), so here the bound is the budget itself.
 */
class BudgetConcurrencyTest {
    private static final String KEY = "budgeted-key-0123456789";
    /** One micro-dollar per token in and out. */
    private static final long MICROS_PER_MILLION = 1_000_000;
    private static final int MAX_OUTPUT_TOKENS = 13;
    /** "hi" as one user message, with the chat framing. */
    private static final int PROMPT_TOKENS = 7;
    private static final long ESTIMATE_MICROS = PROMPT_TOKENS + MAX_OUTPUT_TOKENS;
    private static final long BUDGET_MICROS = 10 * ESTIMATE_MICROS;

    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(
                EmbeddedConfig.create(Map.of())
                              .withAuth(new AuthConfig(null, List.of(new ApiKeyConfig(
                                      "budgeted", KEY, null, "t", null, null, null, null,
                                      new BudgetConfig(BUDGET_MICROS, null), null, null, null))))
                              .withPricing(List.of(new PriceConfig("local", MICROS_PER_MILLION, null, null,
                                                                   MICROS_PER_MILLION, null))));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void fiftyConcurrentRequestsNeverSpendMoreThanTheBudget() throws Exception {
        final ChatServiceBlockingStub chat = gateway.grpcClient(KEY).build(ChatServiceBlockingStub.class);
        final CompleteRequest request = CompleteRequest.newBuilder().setModel("local").addMessages(
                Message.newBuilder().setRole(Role.ROLE_USER).setContent("hi"))
                .setOptions(GenerationOptions.newBuilder().setMaxOutputTokens(MAX_OUTPUT_TOKENS)).build();
        final ExecutorService callers = Executors.newFixedThreadPool(50);
        final CountDownLatch ready = new CountDownLatch(50);
        final List<Future<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(callers.submit(() -> {
                ready.countDown();
                ready.await();
                try {
                    return chat.complete(request);
                } catch (StatusRuntimeException e) {
                    return e;
                }
            }));
        }
        final List<CompleteResponse> served = new ArrayList<>();
        final List<StatusRuntimeException> refused = new ArrayList<>();
        for (Future<Object> call : calls) {
            final Object outcome = call.get();
            if (outcome instanceof CompleteResponse response) {
                served.add(response);
            } else {
                refused.add((StatusRuntimeException) outcome);
            }
        }
        callers.shutdownNow();

        final long spent = served.stream().mapToLong(CompleteResponse::getCostMicrosUsd).sum();
        final long beyondEstimates = served.stream().mapToLong(
                r -> Math.max(0, r.getCostMicrosUsd() - ESTIMATE_MICROS)).sum();
        assertThat(beyondEstimates).isZero();
        assertThat(spent).isLessThanOrEqualTo(BUDGET_MICROS + beyondEstimates);
        assertThat(served).hasSizeGreaterThanOrEqualTo(10);
        assertThat(served).allSatisfy(r -> assertThat(r.getCostMicrosUsd()).isPositive());
        assertThat(refused).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            final List<Any> details = StatusProto.fromThrowable(e).getDetailsList();
            assertThat(details.get(0).unpack(ErrorInfo.class).getReason()).isEqualTo("BUDGET_EXCEEDED");
            final QuotaFailure quota = details.stream().filter(d -> d.is(QuotaFailure.class)).findFirst()
                                              .orElseThrow().unpack(QuotaFailure.class);
            assertThat(quota.getViolations(0).getSubject()).isEqualTo("key:budgeted");
            assertThat(quota.getViolations(0).getDescription())
                    .isEqualTo("daily budget of the key of " + BUDGET_MICROS + " micro-USD exhausted");
        });
    }
}
