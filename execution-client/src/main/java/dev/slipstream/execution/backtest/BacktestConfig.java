package dev.slipstream.execution.backtest;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.risk.SafetyLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * One backtest: {@code orders} parent orders of {@code minQuantity}–{@code maxQuantity} base units, each over
 * {@code horizon}, run through each of {@code strategies}. Impact comes from the square-root law with
 * coefficient {@code impactY} ({@code overlay} says whether as an Almgren–Chriss line fitted to it at each order's
 * scale, or child by child); {@code lambdaBps} is the risk aversion in 1/bps used by IS and by the comparison.
 */
public record BacktestConfig(
        int orders, Duration horizon, double minQuantity, double maxQuantity, long seed, List<String> strategies,
        double lambdaBps, double povParticipation, double impactY, double permanentShare, Overlay overlay,
        double halfSpreadBps, double advisorFailureRate, SafetyLimits limits, Instrument instrument) {

    public enum Overlay { AC, SQRT }

    public static final List<String> ALL_STRATEGIES = List.of("twap", "vwap", "is", "pov", "adaptive", "adaptive-is");

    public static final Instrument BTC_PERP = new Instrument("BTCUSDT", new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("0.5"));

    /** Limits for hour-long BTC-perp orders replayed on one-minute bars (orders arrive at most once a bar). */
    public static final SafetyLimits BACKTEST_LIMITS = new SafetyLimits(0.25, new BigDecimal("5000000"),
            Duration.ofSeconds(30), 10, 1000, 100, 0.01, 10, Duration.ofMillis(500));

    public static BacktestConfig defaults() {
        return new BacktestConfig(100, Duration.ofHours(1), 10, 100, 42, ALL_STRATEGIES, 0.01, 0.10, 0.7, 0.5,
                Overlay.AC, 0.5, 0.1, BACKTEST_LIMITS, BTC_PERP);
    }

    public BacktestConfig {
        requireNonNull(horizon, "horizon");
        requireNonNull(overlay, "overlay");
        requireNonNull(limits, "limits");
        requireNonNull(instrument, "instrument");
        strategies = List.copyOf(strategies);
        if (orders < 1) {
            throw new IllegalArgumentException("orders: " + orders + " (expected: >= 1)");
        }
        if (horizon.toMinutes() < 2) {
            throw new IllegalArgumentException("horizon: " + horizon + " (expected: >= 2 minutes)");
        }
        if (!(minQuantity > 0 && maxQuantity >= minQuantity)) {
            throw new IllegalArgumentException("quantity range: " + minQuantity + ".." + maxQuantity
                    + " (expected: 0 < min <= max)");
        }
        for (String strategy : strategies) {
            if (!ALL_STRATEGIES.contains(strategy)) {
                throw new IllegalArgumentException("strategy: " + strategy + " (expected one of " + ALL_STRATEGIES + ")");
            }
        }
        if (!(lambdaBps >= 0)) {
            throw new IllegalArgumentException("lambdaBps: " + lambdaBps + " (expected: >= 0)");
        }
        if (!(advisorFailureRate >= 0 && advisorFailureRate <= 1)) {
            throw new IllegalArgumentException("advisorFailureRate: " + advisorFailureRate + " (expected: in [0, 1])");
        }
    }
}
