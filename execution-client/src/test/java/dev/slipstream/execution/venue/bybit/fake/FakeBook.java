package dev.slipstream.execution.venue.bybit.fake;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** The fake's own order book of one symbol and its update id {@code u}. */
final class FakeBook {

    private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private long updateId;

    synchronized long updateId() {
        return updateId;
    }

    synchronized NavigableMap<BigDecimal, BigDecimal> bids() {
        return new TreeMap<>(bids);
    }

    synchronized NavigableMap<BigDecimal, BigDecimal> asks() {
        return new TreeMap<>(asks);
    }

    synchronized void replace(Map<String, String> newBids, Map<String, String> newAsks, long newUpdateId) {
        bids.clear();
        asks.clear();
        apply(newBids, newAsks, newUpdateId);
    }

    /** Applies levels (size 0 deletes) and returns them as a delta book (sizes as sent, zeros included). */
    synchronized FakeBook apply(Map<String, String> changedBids, Map<String, String> changedAsks, long newUpdateId) {
        FakeBook delta = new FakeBook();
        changedBids.forEach((price, size) -> set(bids, delta.bids, price, size));
        changedAsks.forEach((price, size) -> set(asks, delta.asks, price, size));
        updateId = newUpdateId;
        return delta;
    }

    private static void set(NavigableMap<BigDecimal, BigDecimal> side, NavigableMap<BigDecimal, BigDecimal> delta,
            String price, String size) {
        BigDecimal level = new BigDecimal(price);
        BigDecimal amount = new BigDecimal(size);
        delta.put(level, amount);
        if (amount.signum() == 0) {
            side.remove(level);
        } else {
            side.put(level, amount);
        }
    }
}
