package dev.slipstream.execution.venue.bybit.rest;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Every limit of the REST client.
 *
 * @param category the product category of every call ({@code linear}, {@code spot}, {@code inverse})
 * @param recvWindow how long after its timestamp a signed request stays valid (Bybit's default is 5000 ms)
 * @param connectTimeout how long opening a connection may take
 * @param requestTimeout how long one request may take before it counts as a transport failure
 * @param maxAttempts tries of one call, the first included, across retries of every kind
 * @param initialBackoff the first wait before a retry; doubled each time up to {@code maxBackoff}
 * @param maxBackoff the longest wait before a retry
 * @param maxRateLimitWait the longest the client waits for a rate-limit window to reset before it gives up
 */
public record BybitRestConfig(
        String category, Duration recvWindow, Duration connectTimeout, Duration requestTimeout, int maxAttempts,
        Duration initialBackoff, Duration maxBackoff, Duration maxRateLimitWait) {

    public static final String DEFAULT_CATEGORY = "linear";
    public static final Duration DEFAULT_RECV_WINDOW = Duration.ofMillis(5000);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(3);
    public static final Duration DEFAULT_MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(2);

    public static BybitRestConfig defaults() {
        return new BybitRestConfig(DEFAULT_CATEGORY, DEFAULT_RECV_WINDOW, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF,
                DEFAULT_MAX_RATE_LIMIT_WAIT);
    }

    public BybitRestConfig {
        requireNonNull(category, "category");
        if (!category.matches("linear|inverse|spot")) {
            throw new IllegalArgumentException("category: " + category + " (expected: linear, inverse or spot)");
        }
        requirePositive("recvWindow", recvWindow);
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("initialBackoff", initialBackoff);
        requirePositive("maxBackoff", maxBackoff);
        requireNonNull(maxRateLimitWait, "maxRateLimitWait");
        if (maxRateLimitWait.isNegative()) {
            throw new IllegalArgumentException("maxRateLimitWait: " + maxRateLimitWait + " (expected: >= 0)");
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts: " + maxAttempts + " (expected: 1..20)");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff: " + maxBackoff + " (expected: >= initialBackoff "
                    + initialBackoff + ")");
        }
    }

    public BybitRestConfig withRequestTimeout(Duration timeout) {
        return new BybitRestConfig(category, recvWindow, connectTimeout, timeout, maxAttempts, initialBackoff,
                maxBackoff, maxRateLimitWait);
    }

    public BybitRestConfig withBackoff(Duration initial, Duration max) {
        return new BybitRestConfig(category, recvWindow, connectTimeout, requestTimeout, maxAttempts, initial, max,
                maxRateLimitWait);
    }

    /** The wait before retry number {@code retry} (1-based): initial × 2^(retry−1), capped. */
    Duration backoff(int retry) {
        long millis = initialBackoff.toMillis() << Math.min(retry - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    private static void requirePositive(String name, Duration value) {
        requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }
}
