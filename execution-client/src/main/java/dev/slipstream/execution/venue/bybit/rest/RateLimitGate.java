package dev.slipstream.execution.venue.bybit.rest;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Client-side rate limiting that follows Bybit's own accounting: each answer's {@code X-Bapi-Limit-Status}
 * (requests left in the window) and {@code X-Bapi-Limit-Reset-Timestamp} (server ms when it refills) are kept per
 * endpoint, and a call to an endpoint with nothing left waits for the reset instead of being refused with 10006.
 */
final class RateLimitGate {

    private record Window(long remaining, long resetAtServerMillis) {}

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final ServerClock clock;

    RateLimitGate(ServerClock clock) {
        this.clock = clock;
    }

    void record(String path, long remaining, long resetAtServerMillis) {
        windows.put(path, new Window(remaining, resetAtServerMillis));
    }

    /** Marks the endpoint spent until {@code resetAtServerMillis} (a 10006 answer). */
    void exhausted(String path, long resetAtServerMillis) {
        record(path, 0, resetAtServerMillis);
    }

    /** How long a call to {@code path} must wait now; zero when it may go. */
    Duration waitFor(String path) {
        Window window = windows.get(path);
        if (window == null || window.remaining() > 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.max(0, window.resetAtServerMillis() - clock.nowMillis()));
    }

    /** Waits until {@code path} may be called, at most {@code longest}; false when that is not long enough. */
    boolean await(String path, Duration longest, Sleeper sleeper) throws InterruptedException {
        Duration wait = waitFor(path);
        if (wait.isZero()) {
            return true;
        }
        if (wait.compareTo(longest) > 0) {
            return false;
        }
        sleeper.sleep(wait);
        return true;
    }

    /** How the client waits; tests may count the waits. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper THREAD = duration -> Thread.sleep(duration);
    }
}
