package dev.slipstream.gateway.routing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A target's recent latency (an exponentially weighted moving average) and calls in flight, for the
 * least-latency strategy. A latency not refreshed for a while fades, so that a target once slow is tried again
 * and a recovered target wins traffic back.
 */
final class LatencyTracker {
    /** Weight of the newest sample. */
    private static final double ALPHA = 0.5;
    /** A latency untouched for this long counts for 1/e of itself. */
    private static final double FADE_NANOS = 5e9;

    private final AtomicInteger inFlight = new AtomicInteger();
    private double ewmaNanos;
    private long updatedNanos = System.nanoTime();

    void started() {
        inFlight.incrementAndGet();
    }

    /**
     * @param failed a failure never lowers the estimate: a target that fails fast must not look fast
     */
    void finished(long latencyNanos, boolean failed) {
        inFlight.decrementAndGet();
        synchronized (this) {
            final double sample = failed ? Math.max(latencyNanos, ewmaNanos) : latencyNanos;
            ewmaNanos = ewmaNanos == 0 ? sample : ALPHA * sample + (1 - ALPHA) * ewmaNanos;
            updatedNanos = System.nanoTime();
        }
    }

    /** A call given up on by its caller: no sample. */
    void abandoned() {
        inFlight.decrementAndGet();
    }

    /** The faded latency estimate; 0 before the first call. */
    synchronized double latencyNanos() {
        return ewmaNanos * Math.exp(-(System.nanoTime() - updatedNanos) / FADE_NANOS);
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Lower is better: the expected wait, scaled by the calls already waiting. */
    double score() {
        return latencyNanos() * (inFlight() + 1);
    }
}
