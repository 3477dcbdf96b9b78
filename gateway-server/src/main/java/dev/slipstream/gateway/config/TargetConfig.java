package dev.slipstream.gateway.config;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * One provider model a route may call, with the resilience settings of calls to it.
 *
 * @param weight relative share of first choices under the {@code weighted} strategy
 * @param timeoutMs longest wait for one attempt; 0 leaves it to the provider's own {@code timeout_ms}
 */
public record TargetConfig(String provider, String model, Integer weight, Long timeoutMs, RetryConfig retry,
                           BreakerConfig breaker, BulkheadConfig bulkhead) {
    public static final int DEFAULT_WEIGHT = 1;
    public static final long DEFAULT_TIMEOUT_MS = 0;

    public TargetConfig(String provider, String model, @Nullable Integer weight, @Nullable Long timeoutMs,
                        @Nullable RetryConfig retry, @Nullable BreakerConfig breaker,
                        @Nullable BulkheadConfig bulkhead) {
        this.provider = provider;
        this.model = model;
        this.weight = weight == null ? DEFAULT_WEIGHT : weight;
        this.timeoutMs = timeoutMs == null ? DEFAULT_TIMEOUT_MS : timeoutMs;
        this.retry = retry == null ? RetryConfig.DEFAULT : retry;
        this.breaker = breaker == null ? BreakerConfig.DEFAULT : breaker;
        this.bulkhead = bulkhead == null ? BulkheadConfig.DEFAULT : bulkhead;
    }

    /** {@code provider/model}, as callers may name it directly. */
    public String name() {
        return provider + '/' + model;
    }
}
