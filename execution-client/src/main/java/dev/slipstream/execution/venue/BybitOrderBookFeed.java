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
        JsonNode data = root.path("data");
        long updateId = data.path("u").asLong();
        boolean snapshot = "snapshot".equals(root.path("type").asText()) || updateId == 1;
        if (snapshot) {
            book.clear();
        } else if (lastUpdateId < 0 || updateId != lastUpdateId + 1) {
            throw new IllegalStateException("orderbook u: " + updateId + " (expected: " + (lastUpdateId + 1)
                    + "); resubscribe for a snapshot");
        }
        data.path("b").forEach(level -> book.setBid(new BigDecimal(level.get(0).asText()),
                new BigDecimal(level.get(1).asText())));
        data.path("a").forEach(level -> book.setAsk(new BigDecimal(level.get(0).asText()),
                new BigDecimal(level.get(1).asText())));
        lastUpdateId = updateId;
    }
}
