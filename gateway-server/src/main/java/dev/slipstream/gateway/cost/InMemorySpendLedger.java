package dev.slipstream.gateway.cost;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ledger of a single gateway: lock-free counters per row. Rows are kept for {@code retentionDays} UTC
 * days (today included); the first record of a new day drops the older ones.
 */
public final class InMemorySpendLedger implements SpendLedger {
    private static final class Counters {
        final LongAdder cost = new LongAdder();
        final LongAdder requests = new LongAdder();
        final LongAdder input = new LongAdder();
        final LongAdder output = new LongAdder();
    }

    private final ConcurrentHashMap<SpendKey, Counters> rows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int retentionDays;
    private final AtomicReference<LocalDate> prunedOn = new AtomicReference<>(LocalDate.MIN);

    public InMemorySpendLedger(Clock clock, int retentionDays) {
        this.clock = requireNonNull(clock, "clock");
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays: " + retentionDays + " (expected: >= 1)");
        }
        this.retentionDays = retentionDays;
    }

    @Override
    public void record(SpendKey key, long costMicrosUsd, long inputTokens, long outputTokens) {
        pruneOncePerDay();
        final Counters counters = rows.computeIfAbsent(key, unused -> new Counters());
        counters.cost.add(costMicrosUsd);
        counters.requests.increment();
        counters.input.add(inputTokens);
        counters.output.add(outputTokens);
    }

    private void pruneOncePerDay() {
        final LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        final LocalDate last = prunedOn.get();
        if (last.isBefore(today) && prunedOn.compareAndSet(last, today)) {
            final LocalDate oldestKept = today.minusDays(retentionDays - 1L);
            rows.keySet().removeIf(key -> key.day().isBefore(oldestKept));
        }
    }

    /** Rows held now, for tests of the retention. */
    int size() {
        return rows.size();
    }

    @Override
    public CompletableFuture<List<SpendRow>> rows(LocalDate from, LocalDate to) {
        final List<SpendRow> result = new ArrayList<>();
        rows.forEach((key, c) -> {
            if (!key.day().isBefore(from) && !key.day().isAfter(to)) {
                result.add(new SpendRow(key, c.cost.sum(), c.requests.sum(), c.input.sum(), c.output.sum()));
            }
        });
        return CompletableFuture.completedFuture(result);
    }
}
