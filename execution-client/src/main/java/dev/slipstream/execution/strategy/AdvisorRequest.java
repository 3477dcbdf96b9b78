package dev.slipstream.execution.strategy;

import java.time.Duration;
import java.time.Instant;

/** The state an advisor sees: the order's progress, the base strategy's proposal and the market. */
public record AdvisorRequest(
        String parentId, Instant now, String side, double unsent, double elapsedFraction, double baseQuantity,
        double mid, double spreadBps, double volatility, double lastBarVolume) {

    static AdvisorRequest of(StrategyContext context, SliceDecision base) {
        double horizonMillis = context.parent().horizon().toMillis();
        double elapsed = Duration.between(context.parent().start(), context.now()).toMillis() / horizonMillis;
        return new AdvisorRequest(context.parent().id(), context.now(), context.parent().side().name(),
                context.unsent().doubleValue(), elapsed, base.quantity().doubleValue(), context.market().mid(),
                context.market().spreadBps(), context.market().volatility(), context.market().lastBarVolume());
    }
}
