package dev.slipstream.execution.strategy;

import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.venue.MarketSnapshot;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a strategy sees when asked for a decision: {@code sent} counts every child quantity already sent,
 * {@code volumeSinceStart} the market's base volume since the parent order started.
 */
public record StrategyContext(
        ParentOrder parent, Instrument instrument, Instant now, BigDecimal sent, BigDecimal filled,
        MarketSnapshot market, double volumeSinceStart) {

    public BigDecimal unsent() {
        return parent.quantity().subtract(sent).max(BigDecimal.ZERO);
    }
}
