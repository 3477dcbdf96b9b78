package dev.slipstream.execution.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.slipstream.api.execution.v1.ExecutionAction;
import dev.slipstream.api.execution.v1.ExecutionDecisionRequest;
import dev.slipstream.api.execution.v1.ExecutionDecisionResponse;
import dev.slipstream.api.execution.v1.OrderType;
import dev.slipstream.api.execution.v1.Side;
import dev.slipstream.api.execution.v1.Source;
import dev.slipstream.api.execution.v1.Strategy;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.risk.SafetyLimits;
import dev.slipstream.execution.strategy.AdvisorDecision;
import dev.slipstream.execution.strategy.AdvisorRequest;
import dev.slipstream.execution.strategy.DecisionSource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gRPC advisor against a scripted ExecutionAdvisorService on loopback. */
class GrpcAdvisorTest {

    private static final Instant START = Instant.parse("2022-01-10T00:00:00Z");
    private static final ParentOrder PARENT = new ParentOrder("P1", "BTCUSDT", dev.slipstream.execution.order.Side.SELL,
            new BigDecimal("12"), START, START.plus(Duration.ofHours(1)), new BigDecimal("42000"), 0);
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final SafetyLimits LIMITS = new SafetyLimits(0.10, new BigDecimal("84000"), Duration.ofSeconds(30),
            6, 200, 100, 0.01, 3, TIMEOUT);
    /** 15 minutes in, 10 BTC unsent of which 1 filled, TWAP proposing 0.2 at mid 42,000 after a 30 BTC minute. */
    private static final AdvisorRequest REQUEST = new AdvisorRequest(PARENT, "twap", START.plus(Duration.ofMinutes(15)),
            10, 1, 0.25, 0.2, 42_000, 0.5, 0.001, 30);

    private static FakeAdvisorService service;
    private static GrpcAdvisor advisor;

    @BeforeAll
    static void start() {
        service = new FakeAdvisorService();
        advisor = new GrpcAdvisor(service.uri(), "key-123", LIMITS);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void sendsTheOrderItsProgressTheMarketAndTheLimitsWithTheApiKey() {
        service.answerWith(answer(Source.SOURCE_MODEL, ExecutionAction.EXECUTION_ACTION_AGGRESSIVE, 0.2));

        advisor.advise(REQUEST).join();

        var received = service.received().getLast();
        assertThat(received.authorization()).isEqualTo("Bearer key-123");
        ExecutionDecisionRequest sent = received.request();
        assertThat(sent.getParentOrder().getSymbol()).isEqualTo("BTCUSDT");
        assertThat(sent.getParentOrder().getSide()).isEqualTo(Side.SIDE_SELL);
        assertThat(sent.getParentOrder().getTotalQuantity()).isEqualTo(12);
        assertThat(sent.getParentOrder().getRemainingQuantity()).isEqualTo(10);
        assertThat(sent.getParentOrder().getDeadline().getSeconds()).isEqualTo(PARENT.deadline().getEpochSecond());
        assertThat(sent.getParentOrder().getDecisionPrice()).isEqualTo(42_000);
        assertThat(sent.getProgress().getExecutedFraction()).isCloseTo(1 / 12.0, offset(1e-12));
        assertThat(sent.getProgress().getElapsedFraction()).isEqualTo(0.25);
        assertThat(sent.getMarket().getMidPrice()).isEqualTo(42_000);
        assertThat(sent.getMarket().getVolumeLastHour()).isEqualTo(30 * 60);
        assertThat(sent.getMarket().getDailyVolatility()).isCloseTo(0.001 * Math.sqrt(1440), offset(1e-12));
        assertThat(sent.getProposedSlice().getStrategy()).isEqualTo(Strategy.STRATEGY_TWAP);
        assertThat(sent.getProposedSlice().getQuantity()).isEqualTo(0.2);
        assertThat(sent.getProposedSlice().getOrderType()).isEqualTo(OrderType.ORDER_TYPE_MARKET);
        assertThat(sent.getSafetyLimits().getMaxChildQuantity()).isEqualTo(2);
        assertThat(sent.getSafetyLimits().getMaxParticipationRate()).isEqualTo(0.10);
        assertThat(sent.getSafetyLimits().getMaxPriceDeviationBps()).isEqualTo(3);
        assertThat(sent.getRequestId()).isEqualTo("P1@2022-01-10T00:15:00Z");
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @CsvSource({
            "SOURCE_MODEL,    EXECUTION_ACTION_AGGRESSIVE, 0.2, CONTINUE,   MODEL",
            "SOURCE_MODEL,    EXECUTION_ACTION_AGGRESSIVE, 0.5, ACCELERATE, MODEL",
            "SOURCE_REPAIRED, EXECUTION_ACTION_PASSIVE,    0.1, DECELERATE, REPAIRED",
            "SOURCE_MODEL,    EXECUTION_ACTION_ACCELERATE, 0.4, ACCELERATE, MODEL",
            "SOURCE_MODEL,    EXECUTION_ACTION_DECELERATE, 0.1, DECELERATE, MODEL",
            "SOURCE_MODEL,    EXECUTION_ACTION_WAIT,       0,   PAUSE,      MODEL",
            "SOURCE_MODEL,    EXECUTION_ACTION_CANCEL,     0,   CANCEL,     MODEL",
    })
    void mapsTheModelsAnswer(Source source, ExecutionAction action, double quantity, String expectedAction,
            DecisionSource expectedSource) {
        service.answerWith(answer(source, action, quantity));

        AdvisorDecision decision = advisor.advise(REQUEST).join();

        assertThat(decision.action()).isEqualTo(expectedAction);
        assertThat(decision.quantity()).isEqualTo(quantity);
        assertThat(decision.source()).isEqualTo(expectedSource);
        assertThat(decision.confidence()).isEqualTo(0.7);
        assertThat(decision.reasoning()).isEqualTo(action.name().replace("EXECUTION_ACTION_", "") + ": scripted");
    }

    @Test
    void theGatewaysBaselineFailsTheCallWithItsReason() {
        service.answerWith(answer(Source.SOURCE_BASELINE, ExecutionAction.EXECUTION_ACTION_AGGRESSIVE, 0.2).toBuilder()
                .setBaselineReason("model unavailable: HTTP 503").build());

        assertThat(advisor.advise(REQUEST)).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .havingRootCause().isInstanceOf(GatewayBaselineException.class)
                .withMessage("gateway served its baseline: model unavailable: HTTP 503");
    }

    @Test
    void aSilentGatewayIsCutOffAtTheAdvisorTimeoutWithoutBlockingTheCaller() {
        service.answerWith(null);

        long started = System.nanoTime();
        CompletableFuture<AdvisorDecision> answer = advisor.advise(REQUEST);
        assertThat(answer).isNotDone();

        assertThat(statusOf(answer)).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(TIMEOUT, TIMEOUT.multipliedBy(10));
    }

    @Test
    void aStoppedGatewayFailsTheCallAsUnavailable() {
        var stopped = new FakeAdvisorService();
        var uri = stopped.uri();
        stopped.close();

        assertThat(statusOf(new GrpcAdvisor(uri, "key-123", LIMITS).advise(REQUEST)))
                .isEqualTo(Status.Code.UNAVAILABLE);
    }

    private static Status.Code statusOf(CompletableFuture<AdvisorDecision> answer) {
        try {
            answer.join();
            throw new AssertionError("expected the call to fail, got " + answer.resultNow());
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(StatusRuntimeException.class);
            return ((StatusRuntimeException) e.getCause()).getStatus().getCode();
        }
    }

    private static ExecutionDecisionResponse answer(Source source, ExecutionAction action, double quantity) {
        return ExecutionDecisionResponse.newBuilder().setSource(source).setAction(action).setQuantity(quantity)
                .setOrderType(OrderType.ORDER_TYPE_MARKET).setConfidence(0.7).setReasoning("scripted").build();
    }
}
