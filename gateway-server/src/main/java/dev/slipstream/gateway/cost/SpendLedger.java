package dev.slipstream.gateway.cost;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Spend per key, tenant, model and UTC day, in micro-dollars and tokens. */
public interface SpendLedger {
    /** Adds one call's spend; never fails the call it accounts for (failures are logged). */
    void record(SpendKey key, long costMicrosUsd, long inputTokens, long outputTokens);

    /** Every row whose day is in {@code [from, to]}. */
    CompletableFuture<List<SpendRow>> rows(LocalDate from, LocalDate to);

    /** What one ledger row is about. */
    record SpendKey(LocalDate day, String tenant, String keyId, String model) {}

    /** One ledger row. */
    record SpendRow(SpendKey key, long costMicrosUsd, long requests, long inputTokens, long outputTokens) {}
}
