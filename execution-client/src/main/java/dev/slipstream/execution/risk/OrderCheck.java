package dev.slipstream.execution.risk;

import dev.slipstream.execution.order.ChildOrder;
import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.venue.MarketSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the validator needs besides the order: the parent, the instrument, the market now, how much of the
 * parent is still unsent and when earlier children were sent (oldest first).
 */
public record OrderCheck(
        ChildOrder order, ParentOrder parent, Instrument instrument, MarketSnapshot market, BigDecimal unsent,
        List<Instant> earlierSends) {

    public OrderCheck {
        earlierSends = List.copyOf(earlierSends);
    }
}
