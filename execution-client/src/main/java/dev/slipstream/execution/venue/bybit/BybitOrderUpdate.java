package dev.slipstream.execution.venue.bybit;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order as Bybit reports it, on the private {@code order} topic or from {@code GET /v5/order/realtime}.
 * {@code rejectReason} is {@code EC_NoError} when there is none.
 */
public record BybitOrderUpdate(
        String orderId, String orderLinkId, String symbol, BybitOrderState state, BigDecimal quantity,
        BigDecimal cumExecQty, BigDecimal leavesQty, BigDecimal avgPrice, String rejectReason, Instant updatedTime) {

    public BybitOrderUpdate {
        requireNonNull(orderId, "orderId");
        requireNonNull(orderLinkId, "orderLinkId");
        requireNonNull(symbol, "symbol");
        requireNonNull(state, "state");
        requireNonNull(quantity, "quantity");
        requireNonNull(cumExecQty, "cumExecQty");
        requireNonNull(leavesQty, "leavesQty");
        requireNonNull(avgPrice, "avgPrice");
        requireNonNull(rejectReason, "rejectReason");
        requireNonNull(updatedTime, "updatedTime");
    }
}
