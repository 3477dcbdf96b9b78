package dev.slipstream.gateway.cost;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of this process: a lock-free compare-and-set per reservation. Like their Redis twins, counters
 * expire: each lives {@code ttl} past its last reservation (a counter only ever adjusted, 32 days), and
 * expired ones are dropped by a sweep at most once a minute, so counters of past periods do not pile up.
 */
public final class InMemorySpendCounters implements SpendCounters {
    private static final Duration ADJUSTED_COUNTER_TTL = Duration.ofDays(32);
    private static final long SWEEP_INTERVAL_MS = Duration.ofMinutes(1).toMillis();

    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AtomicLong nextSweepMillis = new AtomicLong();

    public InMemorySpendCounters(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    /** A committed amount and when it may be forgotten. */
    private static final class Counter {
        final AtomicLong committed = new AtomicLong();
        volatile long expiresAtMillis;
    }

    @Override
    public CompletableFuture<Boolean> reserve(String counter, long micros, long limit, Duration ttl) {
        final long now = sweepIfDue();
        final Counter entry = counter(counter, now + ttl.toMillis());
        entry.expiresAtMillis = now + ttl.toMillis();
        long current;
        do {
            current = entry.committed.get();
            if (current + micros > limit) {
                return CompletableFuture.completedFuture(false);
            }
        } while (!entry.committed.compareAndSet(current, current + micros));
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public void adjust(String counter, long micros) {
        counter(counter, clock.millis() + ADJUSTED_COUNTER_TTL.toMillis()).committed.addAndGet(micros);
    }

    private Counter counter(String name, long expiresAtMillis) {
        return counters.computeIfAbsent(name, unused -> {
            final Counter created = new Counter();
            created.expiresAtMillis = expiresAtMillis;
            return created;
        });
    }

    /** Drops expired counters when a sweep is due; returns the current time. */
    private long sweepIfDue() {
        final long now = clock.millis();
        final long due = nextSweepMillis.get();
        if (now >= due && nextSweepMillis.compareAndSet(due, now + SWEEP_INTERVAL_MS)) {
            counters.values().removeIf(entry -> entry.expiresAtMillis <= now);
        }
        return now;
    }

    /** Counters held now, for tests of the expiry. */
    int size() {
        return counters.size();
    }

    @Override
    public void close() {}
}
