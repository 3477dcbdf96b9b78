package dev.slipstream.loadtest.runner;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What a run measured, calls skipped for warm-up excluded. Latencies are in microseconds; as in ghz, only
 * successful calls count in them unless {@code count-errors} is set.
 *
 * @param count calls that ended (successes and failures)
 * @param totalNanos from the first measured call's start to the last one's end
 * @param dropped open loop only: calls not sent because too many were already in flight
 * @param statusCodes calls by status ({@code OK}, {@code UNAVAILABLE}, or HTTP {@code 200}…)
 * @param errors failed calls by error text
 */
public record RunResult(long count, long totalNanos, Histogram latencyMicros, long dropped,
                        Map<String, Long> statusCodes, Map<String, Long> errors) {

    public long ok() {
        return count - errorCount();
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Calls per second over the measured time, as ghz computes it. */
    public double requestsPerSecond() {
        return totalNanos == 0 ? 0 : count / (totalNanos / 1e9);
    }

    /** The latency at {@code percentile} (100 = the slowest), in milliseconds. */
    public double millisAt(double percentile) {
        final long micros = percentile >= 100 ? latencyMicros.getMaxValue()
                                              : latencyMicros.getValueAtPercentile(percentile);
        return micros / 1000.0;
    }

    /** Collects calls as they end; thread-safe. */
    static final class Recorder {
        private final ConcurrentHistogram histogram;
        private final long highestMicros;
        private final boolean countErrors;
        private final LongAdder count = new LongAdder();
        private final LongAdder dropped = new LongAdder();
        private final Map<String, LongAdder> statusCodes = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);

        Recorder(long highestMicros, boolean countErrors) {
            this.highestMicros = highestMicros;
            this.histogram = new ConcurrentHistogram(highestMicros, 3);
            this.countErrors = countErrors;
        }

        void record(long startNanos, long endNanos, CallTarget.Outcome outcome) {
            count.increment();
            statusCodes.computeIfAbsent(outcome.status(), unused -> new LongAdder()).increment();
            if (!outcome.ok()) {
                errors.computeIfAbsent(String.valueOf(outcome.error()), unused -> new LongAdder()).increment();
            }
            if (outcome.ok() || countErrors) {
                histogram.recordValue(Math.max(0, Math.min(highestMicros, (endNanos - startNanos) / 1_000)));
            }
            firstStart.accumulateAndGet(startNanos, Math::min);
            lastEnd.accumulateAndGet(endNanos, Math::max);
        }

        void drop() {
            dropped.increment();
        }

        RunResult result() {
            final long total = count.sum() == 0 ? 0 : lastEnd.get() - firstStart.get();
            return new RunResult(count.sum(), total, histogram.copy(), dropped.sum(), sums(statusCodes),
                                 sums(errors));
        }

        private static Map<String, Long> sums(Map<String, LongAdder> adders) {
            final Map<String, Long> sums = new TreeMap<>();
            adders.forEach((key, adder) -> sums.put(key, adder.sum()));
            return sums;
        }
    }
}
