package dev.slipstream.execution.engine;

import static dev.slipstream.execution.engine.EngineState.ACTIVE;
import static dev.slipstream.execution.engine.EngineState.ADJUSTING;
import static dev.slipstream.execution.engine.EngineState.COMPLETE;
import static dev.slipstream.execution.engine.EngineState.EXECUTING;
import static dev.slipstream.execution.engine.EngineState.FILLED;
import static dev.slipstream.execution.engine.EngineState.INITIALIZED;
import static dev.slipstream.execution.engine.EngineState.PAUSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipstream.execution.impact.AlmgrenChrissImpact;
import dev.slipstream.execution.order.ChildOrder;
import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.risk.SafetyLimits;
import dev.slipstream.execution.risk.SafetyValidator;
import dev.slipstream.execution.strategy.AdaptiveStrategy;
import dev.slipstream.execution.strategy.FakeAdvisor;
import dev.slipstream.execution.strategy.ScheduleFollowingStrategy;
import dev.slipstream.execution.strategy.TwapSchedule;
import dev.slipstream.execution.venue.Bar;
import dev.slipstream.execution.venue.OrderStatus;
import dev.slipstream.execution.venue.SimulatedClock;
import dev.slipstream.execution.venue.SimulatedVenue;
import dev.slipstream.execution.venue.SpreadModel;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExecutionEngineTest {

    static final Instant START = Instant.parse("2022-01-10T00:00:00Z");
    static final Instrument INSTRUMENT = new Instrument("BTCUSDT", new BigDecimal("0.001"), new BigDecimal("0.001"),
            new BigDecimal("0.5"));
    static final SafetyLimits LIMITS = new SafetyLimits(0.5, new BigDecimal("1000000"), Duration.ZERO, 10, 500, 100,
            0.01, 10, Duration.ofMillis(500));

    /** Flat 40,000 with 100 BTC a minute; the first bar closes at START. */
    static List<Bar> flatBars(int minutes) {
        List<Bar> bars = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            bars.add(new Bar(START.plus(Duration.ofMinutes(m - 1)), 40_000, 40_000, 40_000, 40_000, 100 * 40_000.0));
        }
        return bars;
    }

    record Setup(ExecutionEngine engine, SimulatedVenue venue, StringWriter audit) {}

    static Setup twap(String quantity, int minutes, boolean withChaoticAdvisor) {
        var clock = new SimulatedClock(START);
        var venue = new SimulatedVenue(flatBars(minutes + 5), INSTRUMENT, new AlmgrenChrissImpact(0, 0, 0),
                SpreadModel.constant(0.5), clock);
        var parent = new ParentOrder("P7", "BTCUSDT", Side.BUY, new BigDecimal(quantity), START,
                START.plus(Duration.ofMinutes(minutes)), new BigDecimal("40000"), 0);
        var twap = new ScheduleFollowingStrategy("twap", TwapSchedule.build(parent, INSTRUMENT, Duration.ofMinutes(1),
                0, new Random(1)));
        var strategy = withChaoticAdvisor ? new AdaptiveStrategy(twap, FakeAdvisor.chaotic(new Random(3)),
                LIMITS.advisorTimeout()) : twap;
        var audit = new StringWriter();
        var engine = new ExecutionEngine(parent, INSTRUMENT, strategy, new SafetyValidator(LIMITS), LIMITS, venue,
                clock, new JsonlAuditLog(audit));
        return new Setup(engine, venue, audit);
    }

    @Test
    void walksThroughItsStatesToComplete() {
        Setup setup = twap("2", 2, false);
        setup.engine().start();
        while (setup.venue().advance()) {
            // replay to the end
        }

        assertThat(setup.engine().state()).isEqualTo(COMPLETE);
        assertThat(setup.engine().history()).containsExactly(INITIALIZED, ACTIVE, EXECUTING, FILLED, ADJUSTING, ACTIVE,
                EXECUTING, FILLED, COMPLETE);
        assertThat(setup.engine().filled()).isEqualByComparingTo("2");
        assertThat(setup.engine().childOrders()).isEqualTo(2);
    }

    @Test
    void sendsNothingWhilePausedAndCatchesUpAfterwards() {
        Setup setup = twap("3", 3, false);
        setup.engine().start();
        setup.engine().pause();
        setup.venue().advance();
        setup.venue().advance();
        assertThat(setup.engine().childOrders()).isZero();
        assertThat(setup.engine().state()).isEqualTo(PAUSED);

        setup.engine().resume();
        setup.venue().advance();

        assertThat(setup.engine().childOrders()).isEqualTo(1);
        assertThat(setup.engine().filled()).isEqualByComparingTo("3");
        assertThat(setup.engine().state()).isEqualTo(COMPLETE);
    }

    @Test
    void refusesTransitionsOutsideTheStateMachine() {
        Setup setup = twap("1", 1, false);

        assertThatThrownBy(() -> setup.engine().pause()).isInstanceOf(IllegalStateException.class)
                .hasMessage("engine P7: INITIALIZED -> PAUSED (expected one of [ACTIVE, CANCELLED])");
    }

    @Test
    void theVenueTreatsAResubmittedChildIdAsTheSameOrder() {
        Setup setup = twap("1", 1, false);
        var parent = setup.engine().parent();
        setup.venue().advance();
        OrderStatus first = setup.venue().place(ChildOrder.of(parent, 1, new BigDecimal("0.5"), null, START));
        OrderStatus again = setup.venue().place(ChildOrder.of(parent, 1, new BigDecimal("0.5"), null, START));

        assertThat(again).isSameAs(first);
        assertThat(first.state()).isEqualTo(OrderStatus.State.FILLED);
    }

    @Test
    void everyAdvisorDecisionIsAuditedWithSourceReasoningAndLatency() throws Exception {
        Setup setup = twap("5", 30, true);
        setup.engine().start();
        while (setup.venue().advance()) {
            // replay to the end
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String line : setup.audit().toString().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.fieldNames()).toIterable()
                .contains("time", "parentId", "source", "action", "reasoning", "advisorLatencyMillis", "outcome"));
        assertThat(lines).extracting(line -> line.get("source").asText()).contains("ADVISOR", "FALLBACK");
        assertThat(lines).filteredOn(line -> line.get("outcome").asText().equals("SENT"))
                .extracting(line -> line.get("childId").asText()).doesNotHaveDuplicates();
        assertThat(lines.getFirst().get("time").asText()).isEqualTo("2022-01-10T00:00:00Z");
    }
}
