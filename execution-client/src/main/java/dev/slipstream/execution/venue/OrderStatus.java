package dev.slipstream.execution.venue;

import dev.slipstream.execution.order.ChildOrder;
import java.math.BigDecimal;

/** What the venue knows about a child order. */
public record OrderStatus(ChildOrder order, State state, BigDecimal filledQuantity, BigDecimal averagePrice) {

    public enum State { NEW, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED }
}
