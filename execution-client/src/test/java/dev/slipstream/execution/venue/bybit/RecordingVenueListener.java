package dev.slipstream.execution.venue.bybit;

import dev.slipstream.execution.venue.Fill;
import dev.slipstream.execution.venue.MarketSnapshot;
import dev.slipstream.execution.venue.VenueListener;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a venue published, and lets a test wait until its fills add up to a quantity. */
final class RecordingVenueListener implements VenueListener {

    private final List<MarketSnapshot> snapshots = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();

    @Override
    public synchronized void onMarketData(MarketSnapshot snapshot) {
        snapshots.add(snapshot);
    }

    @Override
    public synchronized void onFill(Fill fill) {
        fills.add(fill);
        notifyAll();
    }

    synchronized List<MarketSnapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    synchronized List<Fill> fills() {
        return List.copyOf(fills);
    }

    synchronized BigDecimal filled() {
        return fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Waits at most {@code timeout} for the fills to reach {@code quantity}; returns what they reached. */
    synchronized BigDecimal awaitFilled(String quantity, Duration timeout) throws InterruptedException {
        BigDecimal target = new BigDecimal(quantity);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (filled().compareTo(target) < 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return filled();
    }
}
