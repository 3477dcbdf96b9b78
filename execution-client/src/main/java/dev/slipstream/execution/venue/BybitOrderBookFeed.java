package dev.slipstream.execution.venue;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;

/**
 * Applies Bybit v5 {@code orderbook.{depth}.{symbol}} WebSocket messages to an {@link OrderBook}: a snapshot resets
 * the book, a delta sets levels (size "0" deletes), {@code u} must follow on by one, and {@code u = 1} means the
 * service restarted and the message overwrites the book (Bybit v5 docs, "Orderbook" public topic).
 */
public final class BybitOrderBookFeed {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OrderBook book;
    private long lastUpdateId = -1;

    public BybitOrderBookFeed(OrderBook book) {
        this.book = requireNonNull(book, "book");
    }

    public void apply(String message) {
        JsonNode root;
        try {
            root = MAPPER.readTree(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("orderbook message is not JSON: " + message, e);
        }
        apply(root);
    }

    /** A snapshot, or a message with {@code u = 1} (the service restarted): either replaces the whole book. */
    public static boolean resetsBook(JsonNode root) {
        return "snapshot".equals(root.path("type").asText()) || root.path("data").path("u").asLong() == 1;
    }

    /** Applies one parsed message; the live stream and the capture replay both come through here. */
    public void apply(JsonNode root) {
        JsonNode data = root.path("data");
        if (!data.path("u").canConvertToLong() || !data.path("b").isArray() || !data.path("a").isArray()) {
            String text = root.toString();
            throw new IllegalArgumentException("orderbook message without data.u, data.b and data.a: "
                    + (text.length() <= 200 ? text : text.substring(0, 200) + "…"));
        }
        long updateId = data.path("u").asLong();
        if (resetsBook(root)) {
            book.clear();
        } else if (lastUpdateId < 0 || updateId != lastUpdateId + 1) {
            throw new IllegalStateException("orderbook u: " + updateId + " (expected: " + (lastUpdateId + 1)
                    + "); resubscribe for a snapshot");
        }
        data.path("b").forEach(level -> book.setBid(price(level), size(level)));
        data.path("a").forEach(level -> book.setAsk(price(level), size(level)));
        lastUpdateId = updateId;
    }

    private static BigDecimal price(JsonNode level) {
        return decimal(level, 0, "price");
    }

    private static BigDecimal size(JsonNode level) {
        BigDecimal size = decimal(level, 1, "size");
        if (size.signum() < 0) {
            throw new IllegalArgumentException("orderbook level " + level + ": negative size");
        }
        return size;
    }

    private static BigDecimal decimal(JsonNode level, int index, String what) {
        try {
            return new BigDecimal(level.path(index).asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("orderbook level " + level + ": " + what + " is not a decimal", e);
        }
    }
}
