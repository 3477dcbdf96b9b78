package dev.slipstream.execution.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.venue.MarketSnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImpactAdaptiveShortfallTest {

    private static final ParentOrder PARENT = Orders.buy("10", Duration.ofMinutes(10));
    private static final Instrument INSTRUMENT = Orders.instrument("0.001", "0.001");
    /** Risk-averse enough that the trajectory is clearly front-loaded: κ ≈ 1.2 per minute at factor 1. */
    private static final ShortfallCoefficients COEFFICIENTS = new ShortfallCoefficients(20, 0.5, 10, 1, 0.05);
    private static final Duration REFRESH = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static StrategyContext at(long minute, BigDecimal sent) {
        Instant now = Orders.START.plus(Duration.ofMinutes(minute));
        return new StrategyContext(PARENT, INSTRUMENT, now, sent, sent, new MarketSnapshot(now, 42_000, 42_001, 50,
                0.001), 0);
    }

    private static ImpactAdaptiveShortfall strategy(ImpactAdvisor advisor) {
        return new ImpactAdaptiveShortfall(PARENT, INSTRUMENT, COEFFICIENTS, Duration.ofMinutes(1), advisor, REFRESH,
                TIMEOUT);
    }

    private static ImpactAdvisor answering(double factor) {
        return question -> CompletableFuture.completedFuture(
                new ImpactAnswer(factor, 0.7, "thin book", DecisionSource.MODEL));
    }

    /** The decision at minute 1, the first that can see the answer to the question asked at minute 0. */
    private static SliceDecision afterAnswer(ImpactAdvisor advisor) {
        var strategy = strategy(advisor);
        BigDecimal first = strategy.decide(at(0, BigDecimal.ZERO)).quantity();
        return strategy.decide(at(1, first));
    }

    @Test
    void moreImpactThanModelledSlowsTheRestAndLessSpeedsItUp() {
        SliceDecision unchanged = afterAnswer(answering(1.0));
        SliceDecision dearer = afterAnswer(answering(2.0));
        SliceDecision cheaper = afterAnswer(answering(0.5));

        assertThat(dearer.quantity()).isLessThan(unchanged.quantity());
        assertThat(cheaper.quantity()).isGreaterThan(unchanged.quantity());
        assertThat(dearer.source()).isEqualTo(DecisionSource.MODEL);
        assertThat(dearer.action()).isEqualTo("DECELERATE");
        assertThat(cheaper.action()).isEqualTo("ACCELERATE");
        assertThat(unchanged.action()).isEqualTo("CONTINUE");
        assertThat(dearer.reasoning()).startsWith("impact factor 2.00 (confidence 0.70)").endsWith("thin book");
    }

    @ParameterizedTest
    @ValueSource(doubles = {2.5, 0.49, Double.NaN, Double.POSITIVE_INFINITY})
    void anOutOfRangeFactorKeepsThePlan(double factor) {
        SliceDecision unchanged = afterAnswer(answering(1.0));
        var strategy = strategy(answering(factor));
        BigDecimal first = strategy.decide(at(0, BigDecimal.ZERO)).quantity();

        SliceDecision decision = strategy.decide(at(1, first));

        assertThat(decision.source()).isEqualTo(DecisionSource.FALLBACK);
        assertThat(decision.reasoning()).startsWith("impact factor out of range: ");
        assertThat(decision.quantity()).isEqualByComparingTo(unchanged.quantity());
        assertThat(strategy.fallbackRate()).isEqualTo(1.0);
    }

    @Test
    void failedThrowingAndLateAdvisorsFallBackWithoutBlocking() {
        SliceDecision failed = afterAnswer(q -> CompletableFuture.failedFuture(new IllegalStateException("down")));
        SliceDecision thrown = afterAnswer(q -> {
            throw new IllegalStateException("broken client");
        });
        var never = new CompletableFuture<ImpactAnswer>();
        var late = strategy(q -> never);
        BigDecimal first = late.decide(at(0, BigDecimal.ZERO)).quantity();
        // Within the timeout the plan stands without a fallback; a minute on, the question is late.
        SliceDecision waiting = late.decide(at(0, first));
        SliceDecision gaveUp = late.decide(at(1, first));

        assertThat(failed.source()).isEqualTo(DecisionSource.FALLBACK);
        assertThat(failed.reasoning()).startsWith("impact advisor failed: ").contains("down");
        assertThat(thrown.reasoning()).contains("broken client");
        assertThat(waiting.source()).isEqualTo(DecisionSource.BASE);
        assertThat(gaveUp.source()).isEqualTo(DecisionSource.FALLBACK);
        assertThat(gaveUp.reasoning()).startsWith("impact advisor late: no answer after 60000 ms");
        assertThat(never).isCancelled();
    }

    @Test
    void afterAFailureTheQuestionIsAskedAgainOnePeriodLater() {
        List<Instant> asked = new ArrayList<>();
        var strategy = strategy(question -> {
            asked.add(question.now());
            return CompletableFuture.failedFuture(new IllegalStateException("down"));
        });

        BigDecimal sent = BigDecimal.ZERO;
        for (int minute = 0; minute < 4; minute++) {
            sent = sent.add(strategy.decide(at(minute, sent)).quantity());
        }

        // Asked at 0, failure seen at 1 (ask again from 2), asked at 2, failure seen at 3.
        assertThat(asked).containsExactly(Orders.START, Orders.START.plus(Duration.ofMinutes(2)));
        assertThat(strategy.fallbackRate()).isEqualTo(1.0);
    }

    @Test
    void asksOncePerRefreshIntervalAndDescribesTheRemainder() {
        List<ImpactQuestion> questions = new ArrayList<>();
        var strategy = strategy(question -> {
            questions.add(question);
            return CompletableFuture.completedFuture(new ImpactAnswer(1.5, 0.6, "wide spread", DecisionSource.MODEL));
        });

        BigDecimal sent = BigDecimal.ZERO;
        for (int minute = 0; minute < 10; minute++) {
            sent = sent.add(strategy.decide(at(minute, sent)).quantity());
        }

        assertThat(questions).extracting(ImpactQuestion::now).containsExactly(Orders.START,
                Orders.START.plus(REFRESH));
        ImpactQuestion first = questions.getFirst();
        assertThat(first.unsent()).isEqualTo(10.0);
        assertThat(first.timeLeft()).isEqualTo(Duration.ofMinutes(10));
        assertThat(first.mid()).isEqualTo(42_000.5);
        // E of the whole order over its notional: ε and the impact terms are well above zero here.
        assertThat(first.baseImpactBps()).isGreaterThan(0.5 / 42_000.5 * 1e4);
        assertThat(questions.get(1).unsent()).isLessThan(10.0);
        assertThat(strategy.fallbackRate()).isZero();
    }

    @Test
    void theReplannedOrderStillCompletesExactlyByTheDeadline() {
        var strategy = strategy(answering(2.0));
        BigDecimal sent = BigDecimal.ZERO;
        for (int minute = 0; minute <= 10; minute++) {
            SliceDecision decision = strategy.decide(at(minute, sent));
            assertThat(decision.quantity()).isNotNegative();
            assertThat(INSTRUMENT.isLotMultiple(decision.quantity())).isTrue();
            sent = sent.add(decision.quantity());
            assertThat(sent).isLessThanOrEqualTo(PARENT.quantity());
        }
        assertThat(sent).isEqualByComparingTo(PARENT.quantity());
    }
}
