package dev.slipstream.execution.venue.bybit.stream;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with "equal jitter": attempt n waits a random time in [d/2, d], where
 * d = min(max, initial · 2^(n−1)), so clients that lost the same server do not come back in lockstep.
 */
final class ReconnectBackoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    /** {@code random} yields values in [0, 1). */
    ReconnectBackoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = requireNonNull(initial, "initial");
        this.max = requireNonNull(max, "max");
        this.random = requireNonNull(random, "random");
    }

    /** The delay before reconnect attempt {@code attempt} (1 for the first). */
    Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt: " + attempt + " (expected: >= 1)");
        }
        long ceiling = max.toNanos();
        long capped = Math.min(initial.toNanos(), ceiling);
        for (int i = 1; i < attempt && capped < ceiling; i++) {
            capped = capped > ceiling / 2 ? ceiling : capped * 2;
        }
        long half = capped / 2;
        return Duration.ofNanos(half + (long) (random.getAsDouble() * (capped - half)));
    }
}
