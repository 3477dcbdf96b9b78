package dev.slipstream.execution.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.slipstream.api.execution.v1.ImpactAdjustmentRequest;
import dev.slipstream.api.execution.v1.ImpactAdjustmentResponse;
import dev.slipstream.api.execution.v1.ImpactModel;
import dev.slipstream.api.execution.v1.Side;
import dev.slipstream.api.execution.v1.Source;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.strategy.DecisionSource;
import dev.slipstream.execution.strategy.ImpactAnswer;
import dev.slipstream.execution.strategy.ImpactQuestion;
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

/** The gRPC impact advisor against a scripted ExecutionAdvisorService on loopback. */
class GrpcImpactAdvisorTest {

    private static final Instant START = Instant.parse("2022-01-10T00:00:00Z");
    private static final ParentOrder PARENT = new ParentOrder("P1", "BTCUSDT", dev.slipstream.execution.order.Side.SELL,
            new BigDecimal("12"), START, START.plus(Duration.ofHours(1)), new BigDecimal("42000"), 0);
    /** Generous for the calls that are answered (the first one also connects); short for the silent gateway. */
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Duration SHORT_DEADLINE = Duration.ofMillis(300);
    /** 15 minutes in with 10 unsent at mid 42,000 after a 30 BTC minute; the model says 6.5 bps. */
    private static final ImpactQuestion QUESTION = new ImpactQuestion(PARENT, START.plus(Duration.ofMinutes(15)), 10,
            Duration.ofMinutes(45), 42_000, 0.5, 0.001, 30, 6.5);

    private static FakeAdvisorService service;
    private static GrpcImpactAdvisor advisor;

    @BeforeAll
    static void start() {
        service = new FakeAdvisorService();
        advisor = new GrpcImpactAdvisor(service.uri(), "key-123", DEADLINE);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static ImpactAdjustmentResponse answer(Source source, double factor) {
        return ImpactAdjustmentResponse.newBuilder().setSource(source).setAdjustmentFactor(factor)
                .setFactorLow(factor).setFactorHigh(factor).setConfidence(0.6).setReasoning("thin book")
                .setBaselineReason(source == Source.SOURCE_BASELINE ? "model timed out" : "").build();
    }

    @Test
    void sendsTheRemainderTheMarketAndTheBaseEstimateAndMapsTheAnswer() {
        service.answerImpactWith(answer(Source.SOURCE_REPAIRED, 1.4));

        ImpactAnswer answer = advisor.adjust(QUESTION).join();

        assertThat(answer).isEqualTo(new ImpactAnswer(1.4, 0.6, "thin book", DecisionSource.REPAIRED));
        var received = service.receivedImpact().getLast();
        assertThat(received.authorization()).isEqualTo("Bearer key-123");
        ImpactAdjustmentRequest sent = received.request();
        assertThat(sent.getOrder().getSymbol()).isEqualTo("BTCUSDT");
        assertThat(sent.getOrder().getSide()).isEqualTo(Side.SIDE_SELL);
        assertThat(sent.getOrder().getQuantity()).isEqualTo(10);
        assertThat(sent.getOrder().getNotionalUsd()).isEqualTo(420_000);
        assertThat(sent.getOrder().getTimeLeftSeconds()).isEqualTo(2700);
        assertThat(sent.getMarket().getMidPrice()).isEqualTo(42_000);
        assertThat(sent.getMarket().getSpreadBps()).isEqualTo(0.5);
        assertThat(sent.getMarket().getVolumeLastHour()).isEqualTo(30 * 60);
        assertThat(sent.getMarket().getDailyVolatility()).isCloseTo(0.001 * Math.sqrt(1440), offset(1e-12));
        assertThat(sent.getBaseEstimate().getImpactBps()).isEqualTo(6.5);
        assertThat(sent.getBaseEstimate().getModel()).isEqualTo(ImpactModel.IMPACT_MODEL_ALMGREN_CHRISS);
        assertThat(sent.getRequestId()).isEqualTo("P1@2022-01-10T00:15:00Z");
    }

    @Test
    void theGatewaysBaselineIsAFailureNotAnAnswer() {
        service.answerImpactWith(answer(Source.SOURCE_BASELINE, 1.0));

        assertThatThrownBy(() -> advisor.adjust(QUESTION).join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(GatewayBaselineException.class).hasMessageContaining("model timed out");
    }

    @Test
    void aSilentGatewayIsCutOffAtTheDeadlineWithoutBlockingTheCaller() {
        service.answerImpactWith(null);

        var impatient = new GrpcImpactAdvisor(service.uri(), "key-123", SHORT_DEADLINE);
        impatient.adjust(QUESTION).exceptionally(failure -> null).join();

        long before = System.nanoTime();
        CompletableFuture<ImpactAnswer> answer = impatient.adjust(QUESTION);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(SHORT_DEADLINE);

        assertThatThrownBy(answer::join).hasCauseInstanceOf(StatusRuntimeException.class)
                .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    }
}
