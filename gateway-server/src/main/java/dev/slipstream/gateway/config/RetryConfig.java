package dev.slipstream.gateway.config;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * Retries of one target on retryable failures (429, 5xx, connection errors, timeouts), with exponential
 * backoff and jitter.
 *
 * @param maxAttempts calls to the target per request, the first included; 1 never retries
 * @param maxRetryAfterMs the longest {@code Retry-After} honoured; a longer one moves on to the next target
 */
public record RetryConfig(Integer maxAttempts, Long initialBackoffMs, Long maxBackoffMs, Long maxRetryAfterMs) {
    public static final int DEFAULT_MAX_ATTEMPTS = 2;
    public static final long DEFAULT_INITIAL_BACKOFF_MS = 100;
    public static final long DEFAULT_MAX_BACKOFF_MS = 2_000;
    public static final long DEFAULT_MAX_RETRY_AFTER_MS = 5_000;

    public static final RetryConfig DEFAULT = new RetryConfig(null, null, null, null);
    /** One attempt only: for plain model aliases and {@code provider/model} names. */
    public static final RetryConfig NONE = new RetryConfig(1, null, null, null);

    public RetryConfig(@Nullable Integer maxAttempts, @Nullable Long initialBackoffMs, @Nullable Long maxBackoffMs,
                       @Nullable Long maxRetryAfterMs) {
        this.maxAttempts = maxAttempts == null ? DEFAULT_MAX_ATTEMPTS : maxAttempts;
        this.initialBackoffMs = initialBackoffMs == null ? DEFAULT_INITIAL_BACKOFF_MS : initialBackoffMs;
        this.maxBackoffMs = maxBackoffMs == null ? DEFAULT_MAX_BACKOFF_MS : maxBackoffMs;
        this.maxRetryAfterMs = maxRetryAfterMs == null ? DEFAULT_MAX_RETRY_AFTER_MS : maxRetryAfterMs;
    }
}
