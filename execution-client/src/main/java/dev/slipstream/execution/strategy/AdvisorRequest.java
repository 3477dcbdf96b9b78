package dev.slipstream.execution.strategy;

import dev.slipstream.execution.order.ParentOrder;
import java.time.Duration;
import java.time.Instant;

/**
 * The state an advisor sees: the order and its progress, the base strategy's proposal and the market.
 * {@code volatility} is the standard deviation of one-bar log returns, {@code lastBarVolume} the base volume
 * traded in the last bar.
 */
public record AdvisorRequest(
        ParentOrder parent, String baseStrategy, Instant now, double unsent, double filled, double elapsedFraction,
        double baseQuantity, double mid, double spreadBps, double volatility, double lastBarVolume) {

    static AdvisorRequest of(String baseStrategy, StrategyContext context, SliceDecision base) {
        double horizonMillis = context.parent().horizon().toMillis();
        double elapsed = Duration.between(context.parent().start(), context.now()).toMillis() / horizonMillis;
        return new AdvisorRequest(context.parent(), baseStrategy, context.now(), context.unsent().doubleValue(),
                context.filled().doubleValue(), elapsed, base.quantity().doubleValue(), context.market().mid(),
                context.market().spreadBps(), context.market().volatility(), context.market().lastBarVolume());
    }
}
