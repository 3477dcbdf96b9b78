package dev.slipstream.execution.venue.bybit.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.execution.order.Side;
import java.math.BigDecimal;
import java.time.Instant;

/** Reads Bybit's wire values: decimals and millisecond times as strings, sides as {@code Buy}/{@code Sell}. */
final class BybitWire {

    private BybitWire() {}

    static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("no \"" + field + "\" in " + ReconnectingWebSocket.abbreviate(
                    item.toString()));
        }
        return value.asText();
    }

    static BigDecimal decimal(JsonNode item, String field) {
        String text = text(item, field);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + field + "\": \"" + text + "\" (expected: a decimal)", e);
        }
    }

    /** Bybit sends {@code ""} for a quantity or price that does not apply yet (e.g. avgPrice before a fill). */
    static BigDecimal decimalOrZero(JsonNode item, String field) {
        return text(item, field).isEmpty() ? BigDecimal.ZERO : decimal(item, field);
    }

    static Instant millis(JsonNode item, String field) {
        String text = text(item, field);
        try {
            return Instant.ofEpochMilli(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + field + "\": \"" + text + "\" (expected: epoch milliseconds)",
                    e);
        }
    }

    static Side side(JsonNode item, String field) {
        String text = text(item, field);
        return switch (text) {
            case "Buy" -> Side.BUY;
            case "Sell" -> Side.SELL;
            default -> throw new IllegalArgumentException(
                    "\"" + field + "\": \"" + text + "\" (expected: Buy or Sell)");
        };
    }
}
