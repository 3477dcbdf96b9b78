package dev.slipstream.loadtest.mock;

import java.time.Duration;

/**
 * Upstream faults on a wall-clock grid: for {@code length} at the start of every {@code period} since the
 * epoch (e.g. the first 5 s of every minute). The grid needs no coordination, so a load generator in another
 * process knows exactly when the mock was failing.
 *
 * @param period time between the starts of two faults; zero = no faults
 * @param length how long each fault lasts
 * @param kind what the mock does meanwhile
 */
public record FaultSchedule(Duration period, Duration length, Kind kind) {
    /** What an upstream fault looks like. */
    public enum Kind {
        /** Answer HTTP 500 with an OpenAI-style error body. */
        ERROR,
        /** Answer only after {@code length}: a stalled upstream. */
        STALL
    }

    public static final FaultSchedule NONE = new FaultSchedule(Duration.ZERO, Duration.ZERO, Kind.ERROR);

    public FaultSchedule {
        if (period.isNegative() || length.isNegative() || (!period.isZero() && length.compareTo(period) >= 0)) {
            throw new IllegalArgumentException("fault schedule: every " + period + " for " + length +
                                               " (expected: 0 <= length < period)");
        }
    }

    public boolean activeAt(long epochMillis) {
        return !period.isZero() && Math.floorMod(epochMillis, period.toMillis()) < length.toMillis();
    }

    /**
     * Whether a call between these instants may have met a fault: it overlapped one widened by {@code grace}
     * on both sides (clocks of two processes, and after a fault: retries, a circuit breaker still open).
     */
    public boolean overlaps(long fromEpochMillis, long toEpochMillis, Duration grace) {
        if (period.isZero()) {
            return false;
        }
        final long periodMillis = period.toMillis();
        final long graceMillis = grace.toMillis();
        final long reach = length.toMillis() + 2 * graceMillis;
        for (long start = Math.floorDiv(fromEpochMillis + graceMillis - reach, periodMillis) * periodMillis;
             start - graceMillis <= toEpochMillis; start += periodMillis) {
            if (start - graceMillis + reach > fromEpochMillis) {
                return true;
            }
        }
        return false;
    }
}
