package dev.slipstream.execution.venue.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.execution.order.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Reads Bybit's wire values, on REST and the streams alike: decimals and millisecond times as strings, sides as
 * {@code Buy}/{@code Sell}, and orders (REST {@code /v5/order/realtime} and the private {@code order} topic share
 * their field names).
 */
public final class BybitWire {

    private BybitWire() {}

    public static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("no \"" + field + "\" in " + abbreviate(item.toString()));
        }
        return value.asText();
    }

    public static BigDecimal decimal(JsonNode item, String field) {
        String text = text(item, field);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + field + "\": \"" + text + "\" (expected: a decimal)", e);
        }
    }

    /** Bybit sends {@code ""} for a quantity or price that does not apply yet (e.g. avgPrice before a fill). */
    public static BigDecimal decimalOrZero(JsonNode item, String field) {
        return text(item, field).isEmpty() ? BigDecimal.ZERO : decimal(item, field);
    }

    public static Instant millis(JsonNode item, String field) {
        String text = text(item, field);
        try {
            return Instant.ofEpochMilli(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + field + "\": \"" + text + "\" (expected: epoch milliseconds)",
                    e);
        }
    }

    public static Side side(JsonNode item, String field) {
        String text = text(item, field);
        return switch (text) {
            case "Buy" -> Side.BUY;
            case "Sell" -> Side.SELL;
            default -> throw new IllegalArgumentException(
                    "\"" + field + "\": \"" + text + "\" (expected: Buy or Sell)");
        };
    }

    public static String wire(Side side) {
        return side == Side.BUY ? "Buy" : "Sell";
    }

    /** An order; {@code rejectReason} is {@code EC_NoError} when Bybit leaves it empty. */
    public static BybitOrderUpdate orderUpdate(JsonNode item) {
        String status = text(item, "orderStatus");
        BybitOrderState state;
        try {
            state = BybitOrderState.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"orderStatus\": \"" + status + "\" is not a v5 order status", e);
        }
        String reject = item.path("rejectReason").asText("");
        return new BybitOrderUpdate(text(item, "orderId"), text(item, "orderLinkId"), text(item, "symbol"), state,
                decimal(item, "qty"), decimalOrZero(item, "cumExecQty"), decimalOrZero(item, "leavesQty"),
                decimalOrZero(item, "avgPrice"), reject.isEmpty() ? "EC_NoError" : reject, millis(item, "updatedTime"));
    }

    /** At most 200 characters of a message, for errors and logs. */
    public static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
