package dev.slipstream.gateway.cost;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The ledger of a single gateway: lock-free counters per row, kept for the life of the process. */
public final class InMemorySpendLedger implements SpendLedger {
    private static final class Counters {
        final LongAdder cost = new LongAdder();
        final LongAdder requests = new LongAdder();
        final LongAdder input = new LongAdder();
        final LongAdder output = new LongAdder();
    }

    private final ConcurrentHashMap<SpendKey, Counters> rows = new ConcurrentHashMap<>();

    @Override
    public void record(SpendKey key, long costMicrosUsd, long inputTokens, long outputTokens) {
        final Counters counters = rows.computeIfAbsent(key, unused -> new Counters());
        counters.cost.add(costMicrosUsd);
        counters.requests.increment();
        counters.input.add(inputTokens);
        counters.output.add(outputTokens);
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
