package dev.slipstream.execution.venue.bybit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a live Bybit venue keeps its view fresh.
 *
 * @param reconcileInterval how often open orders are checked over REST even without a stream drop (the safety net
 *     that also makes the venue work with no private stream at all)
 * @param klineRefresh how often the one-minute klines behind volume and volatility are fetched again
 * @param klineWindow how many one-minute klines the volatility is measured over (at most 1000)
 * @param clockSyncInterval how often the offset to Bybit's clock is measured again (a 10002 answer also does it)
 */
public record BybitVenueConfig(Duration reconcileInterval, Duration klineRefresh, int klineWindow,
        Duration clockSyncInterval) {

    public static BybitVenueConfig defaults() {
        return new BybitVenueConfig(Duration.ofSeconds(5), Duration.ofSeconds(30), 61, Duration.ofMinutes(10));
    }

    public BybitVenueConfig {
        requireNonNull(reconcileInterval, "reconcileInterval");
        requireNonNull(klineRefresh, "klineRefresh");
        requireNonNull(clockSyncInterval, "clockSyncInterval");
        if (clockSyncInterval.isNegative() || clockSyncInterval.isZero()) {
            throw new IllegalArgumentException("clockSyncInterval: " + clockSyncInterval + " (expected: > 0)");
        }
        if (reconcileInterval.isNegative() || reconcileInterval.isZero()) {
            throw new IllegalArgumentException("reconcileInterval: " + reconcileInterval + " (expected: > 0)");
        }
        if (klineRefresh.isNegative() || klineRefresh.isZero()) {
            throw new IllegalArgumentException("klineRefresh: " + klineRefresh + " (expected: > 0)");
        }
        if (klineWindow < 3 || klineWindow > 1000) {
            throw new IllegalArgumentException("klineWindow: " + klineWindow + " (expected: 3..1000)");
        }
    }
}
