package dev.slipstream.execution.venue.bybit.stream;

import static dev.slipstream.execution.venue.bybit.BybitWire.decimal;
import static dev.slipstream.execution.venue.bybit.BybitWire.millis;
import static dev.slipstream.execution.venue.bybit.BybitWire.side;
import static dev.slipstream.execution.venue.bybit.BybitWire.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.execution.venue.bybit.BybitExecution;
import dev.slipstream.execution.venue.bybit.BybitWire;

/**
 * Reads the items of the private {@code execution} topic (Bybit v5 "WebSocket Stream / Private": Execution; field
 * names as documented there). Items of the {@code order} topic are read by {@link BybitWire#orderUpdate}.
 */
final class PrivateMessages {

    static final String EXEC_TYPE_TRADE = "Trade";

    private PrivateMessages() {}

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
