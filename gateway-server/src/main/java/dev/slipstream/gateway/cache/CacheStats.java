package dev.slipstream.gateway.cache;

/**
 * The response cache's counters since start.
 *
 * @param savedCostMicrosUsd what the hits would have cost had a provider answered them again
 */
public record CacheStats(long hits, long misses, long savedCostMicrosUsd, long entries) {}
