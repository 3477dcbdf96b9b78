package dev.slipstream.gateway.config;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * The exact-match response cache for deterministic requests (temperature 0, or cache mode ENABLED).
 *
 * @param maxEntries replies kept; the least recently used go first
 * @param ttlMs how long a reply stays servable after it was stored
 */
public record CacheConfig(Boolean enabled, Long maxEntries, Long ttlMs) {
    public static final long DEFAULT_MAX_ENTRIES = 10_000;
    public static final long DEFAULT_TTL_MS = 600_000;

    public static final CacheConfig DEFAULT = new CacheConfig(null, null, null);

    public CacheConfig(@Nullable Boolean enabled, @Nullable Long maxEntries, @Nullable Long ttlMs) {
        this.enabled = enabled != null && enabled;
        this.maxEntries = maxEntries == null ? DEFAULT_MAX_ENTRIES : maxEntries;
        this.ttlMs = ttlMs == null ? DEFAULT_TTL_MS : ttlMs;
    }
}
