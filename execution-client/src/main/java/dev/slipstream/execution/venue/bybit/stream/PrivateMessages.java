package dev.slipstream.execution.venue.bybit.stream;

import static dev.slipstream.execution.venue.bybit.stream.BybitWire.decimal;
import static dev.slipstream.execution.venue.bybit.stream.BybitWire.decimalOrZero;
import static dev.slipstream.execution.venue.bybit.stream.BybitWire.millis;
import static dev.slipstream.execution.venue.bybit.stream.BybitWire.side;
import static dev.slipstream.execution.venue.bybit.stream.BybitWire.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.execution.venue.bybit.BybitExecution;
import dev.slipstream.execution.venue.bybit.BybitOrderState;
import dev.slipstream.execution.venue.bybit.BybitOrderUpdate;

/**
 * Reads the items of the private {@code order} and {@code execution} topics (Bybit v5 "WebSocket Stream / Private":
 * Order, Execution); field names as documented there.
 */
final class PrivateMessages {

    static final String EXEC_TYPE_TRADE = "Trade";

    private PrivateMessages() {}

    static BybitOrderUpdate order(JsonNode item) {
        String status = text(item, "orderStatus");
        BybitOrderState state;
        try {
            state = BybitOrderState.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"orderStatus\": \"" + status + "\" is not a v5 order status", e);
        }
        return new BybitOrderUpdate(text(item, "orderId"), text(item, "orderLinkId"), text(item, "symbol"), state,
                decimal(item, "qty"), decimalOrZero(item, "cumExecQty"), decimalOrZero(item, "leavesQty"),
                decimalOrZero(item, "avgPrice"), text(item, "rejectReason"), millis(item, "updatedTime"));
    }

    /** True for a fill of one of our orders; funding, settlement and ADL/bust rows are not fills we placed. */
    static boolean isTrade(JsonNode item) {
        return EXEC_TYPE_TRADE.equals(item.path("execType").asText(EXEC_TYPE_TRADE));
    }

    static BybitExecution execution(JsonNode item) {
        return new BybitExecution(text(item, "execId"), text(item, "orderId"), text(item, "orderLinkId"),
                text(item, "symbol"), side(item, "side"), decimal(item, "execQty"), decimal(item, "execPrice"),
                item.path("isMaker").asBoolean(false), millis(item, "execTime"));
    }
}
