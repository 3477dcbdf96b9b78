package dev.slipstream.execution.venue;

import java.time.Instant;

/**
 * What the market looked like at {@code time}: the touch, the base volume traded in the last bar, and the
 * recent volatility (standard deviation of one-bar log returns).
 */
public record MarketSnapshot(Instant time, double bid, double ask, double lastBarVolume, double volatility) {

    public double mid() {
        return 0.5 * (bid + ask);
    }

    public double spreadBps() {
        return (ask - bid) / mid() * 1e4;
    }
}
