package dev.slipstream.gateway.config;

import com.linecorp.armeria.common.annotation.Nullable;

/** The most calls in flight to one target; a request finding it full moves on to the next target. */
public record BulkheadConfig(Integer maxConcurrent) {
    public static final int DEFAULT_MAX_CONCURRENT = 100;

    public static final BulkheadConfig DEFAULT = new BulkheadConfig(null);

    public BulkheadConfig(@Nullable Integer maxConcurrent) {
        this.maxConcurrent = maxConcurrent == null ? DEFAULT_MAX_CONCURRENT : maxConcurrent;
    }
}
