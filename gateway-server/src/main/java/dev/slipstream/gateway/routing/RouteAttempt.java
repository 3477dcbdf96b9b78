package dev.slipstream.gateway.routing;

import static java.util.Objects.requireNonNull;

/**
 * One attempt at one target of a route.
 *
 * @param target {@code provider/model}
 * @param reason the failure's {@code ErrorReason} name; empty on success and when skipped
 * @param upstreamStatus the provider's HTTP status of a failure; 0 when there was none
 */
public record RouteAttempt(String target, Outcome outcome, String reason, long latencyNanos, int upstreamStatus) {
    public enum Outcome { SUCCEEDED, FAILED, BREAKER_OPEN, BULKHEAD_FULL }

    public RouteAttempt {
        requireNonNull(target, "target");
        requireNonNull(outcome, "outcome");
        requireNonNull(reason, "reason");
    }

    static RouteAttempt skipped(String target, Outcome outcome) {
        return new RouteAttempt(target, outcome, "", 0, 0);
    }

    /** {@code openai/gpt-4o: PROVIDER_UNAVAILABLE (HTTP 503)}, for error messages and logs. */
    @Override
    public String toString() {
        final String what = outcome == Outcome.FAILED ? reason : outcome.name();
        return target + ": " + what + (upstreamStatus == 0 ? "" : " (HTTP " + upstreamStatus + ')');
    }
}
