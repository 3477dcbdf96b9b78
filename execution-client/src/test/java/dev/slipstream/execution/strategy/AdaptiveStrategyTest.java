package dev.slipstream.execution.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.venue.MarketSnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdaptiveStrategyTest {

    static final ParentOrder PARENT = Orders.buy("10", Duration.ofMinutes(10));
    /** Base: TWAP of 1 a minute, the first due at minute 0. */
    static final ExecutionStrategy TWAP = new ScheduleFollowingStrategy("twap", TwapSchedule.build(PARENT,
            Orders.instrument("0.001", "0.001"), Duration.ofMinutes(1), 0, new Random(1)));

    static StrategyContext at(long minute) {
        Instant now = Orders.START.plus(Duration.ofMinutes(minute));
        return new StrategyContext(PARENT, Orders.instrument("0.001", "0.001"), now, BigDecimal.ZERO, BigDecimal.ZERO,
                new MarketSnapshot(now, 42_000, 42_001, 50, 0.001), 0);
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
        CONTINUE        | 5         | ADVISOR  | 1
        ACCELERATE      | 2.5       | ADVISOR  | 2.5
        ACCELERATE      | 2.5004    | ADVISOR  | 2.5
        DECELERATE      | 0         | ADVISOR  | 0
        PAUSE           | 7         | ADVISOR  | 0
        ACCELERATE      | 10        | ADVISOR  | 10
        ACCELERATE      | 10.001    | FALLBACK | 1
        ACCELERATE      | -1        | FALLBACK | 1
        ACCELERATE      | NaN       | FALLBACK | 1
        DECELERATE      | Infinity  | FALLBACK | 1
        ACCELERATE      | 1e12      | FALLBACK | 1
        SELL_EVERYTHING | 1         | FALLBACK | 1
        accelerate      | 1         | FALLBACK | 1
        """)
    void appliesValidAnswersAndFallsBackOnAbsurdOnes(String action, double quantity, DecisionSource source,
            String expected) {
        var adaptive = new AdaptiveStrategy(TWAP, FakeAdvisor.answering(action, quantity), Duration.ofMillis(500));

        SliceDecision decision = adaptive.decide(at(0));

        assertThat(decision.source()).isEqualTo(source);
        assertThat(decision.quantity()).isEqualByComparingTo(expected);
        assertThat(adaptive.fallbackRate()).isEqualTo(source == DecisionSource.FALLBACK ? 1.0 : 0.0);
    }

    @Test
    void aLateAnswerIsDiscardedAndTheBaseDecisionStands() {
        AtomicReference<CompletableFuture<AdvisorDecision>> asked = new AtomicReference<>();
        var adaptive = new AdaptiveStrategy(TWAP, request -> {
            asked.set(new CompletableFuture<>());
            return asked.get();
        }, Duration.ofSeconds(30));

        assertThat(adaptive.decide(at(0)).source()).isEqualTo(DecisionSource.BASE);
        CompletableFuture<AdvisorDecision> first = asked.get();
        SliceDecision late = adaptive.decide(at(1));
        first.complete(new AdvisorDecision("PAUSE", 0, 1, 1, "too late"));

        assertThat(late.source()).isEqualTo(DecisionSource.FALLBACK);
        assertThat(late.reasoning()).startsWith("advisor late: no answer after 60000 ms");
        assertThat(late.quantity()).isEqualByComparingTo("2");
        assertThat(first).isCancelled();
        assertThat(asked.get()).isSameAs(first);
        assertThat(adaptive.decide(at(2)).source()).isEqualTo(DecisionSource.BASE);
        assertThat(asked.get()).isNotSameAs(first);
    }

    @Test
    void failedAndThrowingAdvisorsFallBack() {
        for (Advisor broken : new Advisor[] {FakeAdvisor.failing(), FakeAdvisor.throwing()}) {
            var adaptive = new AdaptiveStrategy(TWAP, broken, Duration.ofMillis(500));

            SliceDecision decision = adaptive.decide(at(0));

            assertThat(decision.source()).isEqualTo(DecisionSource.FALLBACK);
            assertThat(decision.reasoning()).startsWith("advisor failed:");
            assertThat(decision.quantity()).isEqualByComparingTo("1");
        }
    }

    @Test
    void theLatencyRecordedIsTheAdvisorsWallClockTimeNotTheSimulatedWait() {
        AtomicReference<CompletableFuture<AdvisorDecision>> asked = new AtomicReference<>();
        var adaptive = new AdaptiveStrategy(TWAP, request -> {
            asked.set(new CompletableFuture<>());
            return asked.get();
        }, Duration.ofMinutes(5));
        adaptive.decide(at(0));
        asked.get().complete(new AdvisorDecision("PAUSE", 0, 1, 1, "wait"));

        SliceDecision answered = adaptive.decide(at(2));

        assertThat(answered.source()).isEqualTo(DecisionSource.ADVISOR);
        assertThat(answered.advisorLatencyMillis()).isBetween(0L, 1_000L);
    }
}
