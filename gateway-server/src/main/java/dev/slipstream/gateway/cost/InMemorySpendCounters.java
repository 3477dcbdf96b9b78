package dev.slipstream.gateway.cost;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of this process: a lock-free compare-and-set per reservation. A counter of a past period is
 * never read again; one per key or tenant and period stays in memory for the life of the process.
 */
public final class InMemorySpendCounters implements SpendCounters {
    private final ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<Boolean> reserve(String counter, long micros, long limit, Duration ttl) {
        final AtomicLong committed = counters.computeIfAbsent(counter, unused -> new AtomicLong());
        long current;
        do {
            current = committed.get();
            if (current + micros > limit) {
                return CompletableFuture.completedFuture(false);
            }
        } while (!committed.compareAndSet(current, current + micros));
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public void adjust(String counter, long micros) {
        counters.computeIfAbsent(counter, unused -> new AtomicLong()).addAndGet(micros);
    }

    @Override
    public void close() {}
}
