package dev.slipstream.gateway.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.linecorp.armeria.common.annotation.Nullable;

/**
 * Rate limits of a key or a tenant; 0 (or left out) means "no limit".
 *
 * @param burstPerSecond at most this many requests in any one second, on top of the per-minute limit
 */
public record RateLimitConfig(Long requestsPerMinute, Long tokensPerMinute, Long burstPerSecond) {
    public static final RateLimitConfig NONE = new RateLimitConfig(0L, 0L, 0L);

    public RateLimitConfig(@Nullable Long requestsPerMinute, @Nullable Long tokensPerMinute,
                           @Nullable Long burstPerSecond) {
        this.requestsPerMinute = requestsPerMinute == null ? 0 : requestsPerMinute;
        this.tokensPerMinute = tokensPerMinute == null ? 0 : tokensPerMinute;
        this.burstPerSecond = burstPerSecond == null ? 0 : burstPerSecond;
    }

    @JsonIgnore
    public boolean isUnlimited() {
        return requestsPerMinute == 0 && tokensPerMinute == 0 && burstPerSecond == 0;
    }
}
