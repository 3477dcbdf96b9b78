package dev.slipstream.execution.bench;

import dev.slipstream.execution.engine.ExecutionEngine;
import dev.slipstream.execution.engine.JsonlAuditLog;
import dev.slipstream.execution.impact.PowerLawImpact;
import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.risk.SafetyLimits;
import dev.slipstream.execution.risk.SafetyValidator;
import dev.slipstream.execution.strategy.ScheduleFollowingStrategy;
import dev.slipstream.execution.strategy.TwapSchedule;
import dev.slipstream.execution.venue.Bar;
import dev.slipstream.execution.venue.SimulatedClock;
import dev.slipstream.execution.venue.SimulatedVenue;
import dev.slipstream.execution.venue.SpreadModel;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times one engine decision without an advisor: a bar published by the simulated venue, the TWAP strategy's
 * slice, the caps and the validator, the child placed and filled, the decision serialised to JSONL (into a
 * writer that discards it). Hour-long TWAP parents, one every two hours over the bars, buys and sells in turn;
 * only the bars inside each horizon are timed, and the first {@code warmUpOrders} parents not at all.
 */
public final class DecisionLoopLatency {

    private static final Duration HORIZON = Duration.ofHours(1);
    private static final Duration WARM_UP = Duration.ofHours(1);
    private static final Duration SPACING = Duration.ofHours(2);
    private static final BigDecimal QUANTITY = new BigDecimal("10");

    /** Latencies of the timed decisions in nanoseconds, sorted. */
    public record Result(long[] sortedNanos) {

        public int decisions() {
            return sortedNanos.length;
        }

        public double percentileMicros(double percentile) {
            int index = (int) Math.ceil(percentile / 100 * sortedNanos.length) - 1;
            return sortedNanos[Math.clamp(index, 0, sortedNanos.length - 1)] / 1e3;
        }
    }

    private DecisionLoopLatency() {}

    public static Result measure(List<Bar> bars, Instrument instrument, SafetyLimits limits, int warmUpOrders,
            int orders) {
        long[] nanos = new long[orders * (int) HORIZON.toMinutes() * 2];
        int timed = 0;
        Instant start = bars.getFirst().time().plus(WARM_UP);
        for (int order = 0; order < warmUpOrders + orders; order++, start = start.plus(SPACING)) {
            Instant from = start.minus(WARM_UP);
            Instant deadline = start.plus(HORIZON);
            List<Bar> window = bars.stream().filter(b -> !b.time().isBefore(from) && !b.time().isAfter(deadline))
                    .toList();
            if (window.size() < 2) {
                throw new IllegalArgumentException("bars: " + bars.size() + " (expected: enough for "
                        + (warmUpOrders + orders) + " orders two hours apart)");
            }
            var parent = new ParentOrder("B" + order, instrument.symbol(), order % 2 == 0 ? Side.BUY : Side.SELL,
                    QUANTITY, start, deadline, BigDecimal.valueOf(window.getFirst().close()), 0);
            var clock = new SimulatedClock(from);
            var venue = new SimulatedVenue(window, instrument, PowerLawImpact.squareRoot(0.7, 0.5),
                    SpreadModel.constant(0.5), clock);
            var strategy = new ScheduleFollowingStrategy("twap", TwapSchedule.build(parent, instrument,
                    Duration.ofMinutes(1), 0, new SplittableRandom(order)));
            var engine = new ExecutionEngine(parent, instrument, strategy, new SafetyValidator(limits), limits, venue,
                    clock, new JsonlAuditLog(Writer.nullWriter()));
            engine.start();
            for (Bar bar : window) {
                long started = System.nanoTime();
                venue.advance();
                long took = System.nanoTime() - started;
                if (order >= warmUpOrders && !bar.time().isBefore(start)) {
                    nanos[timed++] = took;
                }
                if (engine.state().isTerminal()) {
                    break;
                }
            }
        }
        long[] sorted = Arrays.copyOf(nanos, timed);
        Arrays.sort(sorted);
        return new Result(sorted);
    }
}
