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

    /** Whether the calls between these instants may have met a fault, counting {@code grace} after each one. */
    public boolean overlaps(long fromEpochMillis, long toEpochMillis, Duration grace) {
        if (period.isZero()) {
            return false;
        }
        final long periodMillis = period.toMillis();
        final long reach = length.plus(grace).toMillis();
        for (long start = Math.floorDiv(fromEpochMillis - reach, periodMillis) * periodMillis; start <= toEpochMillis;
             start += periodMillis) {
            if (start + reach > fromEpochMillis) {
                return true;
            }
        }
        return false;
    }
}
