package dev.slipstream.gateway.config;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * A target's circuit breaker: it opens when, over the last {@code slidingWindowSize} calls (and at least
 * {@code minimumCalls}), the failure rate or the slow-call rate reaches its threshold; it lets
 * {@code halfOpenCalls} probes through after {@code waitInOpenMs}, and closes again when they succeed.
 *
 * @param failureRateThreshold percent of failed calls, in (0, 100]
 * @param slowCallRateThreshold percent of calls slower than {@code slowCallDurationMs}, in (0, 100]
 */
public record BreakerConfig(Integer failureRateThreshold, Long slowCallDurationMs, Integer slowCallRateThreshold,
                            Integer slidingWindowSize, Integer minimumCalls, Long waitInOpenMs,
                            Integer halfOpenCalls) {
    public static final int DEFAULT_FAILURE_RATE_THRESHOLD = 50;
    public static final long DEFAULT_SLOW_CALL_DURATION_MS = 30_000;
    public static final int DEFAULT_SLOW_CALL_RATE_THRESHOLD = 100;
    public static final int DEFAULT_SLIDING_WINDOW_SIZE = 20;
    public static final int DEFAULT_MINIMUM_CALLS = 10;
    public static final long DEFAULT_WAIT_IN_OPEN_MS = 10_000;
    public static final int DEFAULT_HALF_OPEN_CALLS = 2;

    public static final BreakerConfig DEFAULT = new BreakerConfig(null, null, null, null, null, null, null);

    public BreakerConfig(@Nullable Integer failureRateThreshold, @Nullable Long slowCallDurationMs,
                         @Nullable Integer slowCallRateThreshold, @Nullable Integer slidingWindowSize,
                         @Nullable Integer minimumCalls, @Nullable Long waitInOpenMs,
                         @Nullable Integer halfOpenCalls) {
        this.failureRateThreshold = failureRateThreshold == null ? DEFAULT_FAILURE_RATE_THRESHOLD
                                                                 : failureRateThreshold;
        this.slowCallDurationMs = slowCallDurationMs == null ? DEFAULT_SLOW_CALL_DURATION_MS : slowCallDurationMs;
        this.slowCallRateThreshold = slowCallRateThreshold == null ? DEFAULT_SLOW_CALL_RATE_THRESHOLD
                                                                   : slowCallRateThreshold;
        this.slidingWindowSize = slidingWindowSize == null ? DEFAULT_SLIDING_WINDOW_SIZE : slidingWindowSize;
        this.minimumCalls = minimumCalls == null ? DEFAULT_MINIMUM_CALLS : minimumCalls;
        this.waitInOpenMs = waitInOpenMs == null ? DEFAULT_WAIT_IN_OPEN_MS : waitInOpenMs;
        this.halfOpenCalls = halfOpenCalls == null ? DEFAULT_HALF_OPEN_CALLS : halfOpenCalls;
    }
}
