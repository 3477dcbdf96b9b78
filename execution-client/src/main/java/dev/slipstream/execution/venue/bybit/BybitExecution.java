package dev.slipstream.execution.venue.bybit;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.order.Side;
import java.math.BigDecimal;
import java.time.Instant;

/** One trade of our order, from the private {@code execution} topic; {@code execId} is unique per trade. */
public record BybitExecution(
        String execId, String orderId, String orderLinkId, String symbol, Side side, BigDecimal execQty,
        BigDecimal execPrice, boolean maker, Instant execTime) {

    public BybitExecution {
        requireNonNull(execId, "execId");
        requireNonNull(orderId, "orderId");
        requireNonNull(orderLinkId, "orderLinkId");
        requireNonNull(symbol, "symbol");
        requireNonNull(side, "side");
        requireNonNull(execQty, "execQty");
        requireNonNull(execPrice, "execPrice");
        requireNonNull(execTime, "execTime");
    }
}
