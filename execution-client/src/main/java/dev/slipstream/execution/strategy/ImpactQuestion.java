package dev.slipstream.execution.strategy;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.order.ParentOrder;
import java.time.Duration;
import java.time.Instant;

/**
 * What an impact advisor sees: the order's remainder, the market ({@code volatility} is the standard deviation of
 * one-bar log returns, {@code lastBarVolume} the base volume of the last bar) and the model's unadjusted estimate
 * of the remainder's cost, in bps of its notional.
 */
public record ImpactQuestion(
        ParentOrder parent, Instant now, double unsent, Duration timeLeft, double mid, double spreadBps,
        double volatility, double lastBarVolume, double baseImpactBps) {

    public ImpactQuestion {
        requireNonNull(parent, "parent");
        requireNonNull(now, "now");
        requireNonNull(timeLeft, "timeLeft");
    }
}
