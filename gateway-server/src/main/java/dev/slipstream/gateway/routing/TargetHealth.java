package dev.slipstream.gateway.routing;

import static java.util.Objects.requireNonNull;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * A snapshot of one route target's health.
 *
 * @param breakerState {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN} or {@code DISABLED} (pass-through targets)
 * @param failureRatePercent over the breaker's window; -1 until it has its minimum of calls
 * @param slowCallRatePercent likewise
 * @param bufferedCalls calls in the breaker's window
 * @param latencyMs the recent latency the least-latency strategy uses; 0 before the first call
 */
public record TargetHealth(String route, String target, String breakerState, float failureRatePercent,
                           float slowCallRatePercent, int bufferedCalls, long notPermittedCalls, double latencyMs,
                           int inFlight) {
    public TargetHealth {
        requireNonNull(route, "route");
        requireNonNull(target, "target");
        requireNonNull(breakerState, "breakerState");
    }

    static TargetHealth of(String route, RouteTarget target) {
        final CircuitBreaker.Metrics metrics = target.breaker().getMetrics();
        return new TargetHealth(route, target.name(), target.breaker().getState().name(),
                                metrics.getFailureRate(), metrics.getSlowCallRate(),
                                metrics.getNumberOfBufferedCalls(), metrics.getNumberOfNotPermittedCalls(),
                                target.latency().latencyNanos() / 1e6, target.latency().inFlight());
    }
}
