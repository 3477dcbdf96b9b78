package dev.slipstream.gateway.cost;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Committed spend (real costs plus open reservations) per budget period, changed only atomically. */
public interface SpendCounters extends AutoCloseable {
    /**
     * Adds {@code micros} to {@code counter} unless that would take it above {@code limit}; true when added.
     *
     * @param ttl how long the counter must outlive its last change (its period plus a margin)
     */
    CompletableFuture<Boolean> reserve(String counter, long micros, long limit, Duration ttl);

    /** Adds {@code micros} (negative to give back) regardless of the limit: a settled call's correction. */
    void adjust(String counter, long micros);

    @Override
    void close();
}
