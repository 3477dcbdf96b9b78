package dev.slipstream.execution.risk;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Hard limits every child order must respect, whatever the strategy or the advisor said.
 *
 * @param maxParticipation the largest child as a share of the last bar's traded volume
 * @param maxOrderNotional the largest child notional, valued at the price it would cross
 * @param minInterval the shortest time between two child orders
 * @param maxSpreadToCrossBps no market order when the spread is wider than this
 * @param maxDeviationFromBenchmarkBps no order when the mid has moved further than this from the decision price
 * @param shortfallAlertBps realised implementation shortfall above which an alert is logged (not a block)
 * @param volatilityHalt no order while the one-bar volatility (standard deviation of log returns) is above this
 * @param maxOrdersPerMinute the most child orders in any trailing minute
 * @param advisorTimeout how long an advisor answer may take before the base strategy's decision stands
 */
public record SafetyLimits(
        double maxParticipation, BigDecimal maxOrderNotional, Duration minInterval, double maxSpreadToCrossBps,
        double maxDeviationFromBenchmarkBps, double shortfallAlertBps, double volatilityHalt, int maxOrdersPerMinute,
        Duration advisorTimeout) {

    public SafetyLimits {
        requireNonNull(maxOrderNotional, "maxOrderNotional");
        requireNonNull(minInterval, "minInterval");
        requireNonNull(advisorTimeout, "advisorTimeout");
        requireInRange("maxParticipation", maxParticipation, 0, 1);
        requirePositive("maxSpreadToCrossBps", maxSpreadToCrossBps);
        requirePositive("maxDeviationFromBenchmarkBps", maxDeviationFromBenchmarkBps);
        requirePositive("shortfallAlertBps", shortfallAlertBps);
        requirePositive("volatilityHalt", volatilityHalt);
        if (maxOrderNotional.signum() <= 0) {
            throw new IllegalArgumentException("maxOrderNotional: " + maxOrderNotional + " (expected: > 0)");
        }
        if (minInterval.isNegative()) {
            throw new IllegalArgumentException("minInterval: " + minInterval + " (expected: >= 0)");
        }
        if (maxOrdersPerMinute < 1) {
            throw new IllegalArgumentException("maxOrdersPerMinute: " + maxOrdersPerMinute + " (expected: >= 1)");
        }
        if (advisorTimeout.isNegative() || advisorTimeout.isZero()) {
            throw new IllegalArgumentException("advisorTimeout: " + advisorTimeout + " (expected: > 0)");
        }
    }

    public SafetyLimits withAdvisorTimeout(Duration timeout) {
        return new SafetyLimits(maxParticipation, maxOrderNotional, minInterval, maxSpreadToCrossBps,
                maxDeviationFromBenchmarkBps, shortfallAlertBps, volatilityHalt, maxOrdersPerMinute, timeout);
    }

    private static void requireInRange(String name, double value, double exclusiveLow, double inclusiveHigh) {
        if (!(value > exclusiveLow && value <= inclusiveHigh)) {
            throw new IllegalArgumentException(
                    name + ": " + value + " (expected: in (" + exclusiveLow + ", " + inclusiveHigh + "])");
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }
}
