package dev.slipstream.execution.venue.bybit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.venue.Bar;
import dev.slipstream.execution.venue.BookEvent;
import dev.slipstream.execution.venue.bybit.BybitOrderState;
import dev.slipstream.execution.venue.bybit.BybitOrderUpdate;
import dev.slipstream.execution.venue.bybit.BybitTicker;
import dev.slipstream.execution.venue.bybit.BybitTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the v5 REST {@code result} objects into the venue's records; Bybit sends numbers as strings. */
public final class BybitRestRecords {

    private BybitRestRecords() {}

    /** An order object of {@code /v5/order/realtime} (the private {@code order} topic uses the same fields). */
    public static BybitOrderUpdate orderUpdate(JsonNode order) {
        String reject = order.path("rejectReason").asText("");
        return new BybitOrderUpdate(text(order, "orderId"), text(order, "orderLinkId"), text(order, "symbol"),
                BybitOrderState.fromWire(text(order, "orderStatus")), decimal(order, "qty"),
                decimal(order, "cumExecQty"), decimal(order, "leavesQty"), decimal(order, "avgPrice"),
                reject.isEmpty() ? "EC_NoError" : reject, millis(order, "updatedTime"));
    }

    public static Side side(String wire) {
        return switch (wire) {
            case "Buy" -> Side.BUY;
            case "Sell" -> Side.SELL;
            default -> throw new IllegalArgumentException("side: " + wire + " (expected: Buy or Sell)");
        };
    }

    public static String wire(Side side) {
        return side == Side.BUY ? "Buy" : "Sell";
    }

    /** Spot tickers have no mark price, funding or open interest: those read as zero there. */
    static BybitTicker ticker(JsonNode ticker) {
        return new BybitTicker(text(ticker, "symbol"), decimal(ticker, "bid1Price"), decimal(ticker, "ask1Price"),
                decimal(ticker, "lastPrice"), decimalOrZero(ticker, "markPrice"), decimalOrZero(ticker, "fundingRate"),
                Instant.ofEpochMilli(decimalOrZero(ticker, "nextFundingTime").longValue()),
                decimalOrZero(ticker, "openInterest"), decimal(ticker, "volume24h"), decimal(ticker, "turnover24h"));
    }

    private static BigDecimal decimalOrZero(JsonNode node, String field) {
        return node.hasNonNull(field) ? decimal(node, field) : BigDecimal.ZERO;
    }

    static BybitTrade trade(JsonNode trade) {
        return new BybitTrade(text(trade, "execId"), text(trade, "symbol"), side(text(trade, "side")),
                decimal(trade, "size"), decimal(trade, "price"), millis(trade, "time"));
    }

    /** {@code [start, open, high, low, close, volume, turnover]}; the quote volume is the turnover. */
    static Bar kline(JsonNode row) {
        return new Bar(Instant.ofEpochMilli(Long.parseLong(row.get(0).asText())), row.get(1).asDouble(),
                row.get(2).asDouble(), row.get(3).asDouble(), row.get(4).asDouble(), row.get(6).asDouble());
    }

    static BookEvent.Snapshot orderBook(JsonNode book) {
        return new BookEvent.Snapshot(millis(book, "ts"), book.path("u").asLong(), levels(book.path("b")),
                levels(book.path("a")));
    }

    private static List<BookEvent.Level> levels(JsonNode side) {
        List<BookEvent.Level> levels = new ArrayList<>(side.size());
        side.forEach(level -> levels.add(new BookEvent.Level(new BigDecimal(level.get(0).asText()),
                new BigDecimal(level.get(1).asText()))));
        return levels;
    }

    /**
     * Linear/inverse rules; spot names its step basePrecision and its minimum notional minOrderAmt, and has no
     * separate market-order maximum.
     */
    static InstrumentRules instrument(JsonNode info) {
        JsonNode lot = info.path("lotSizeFilter");
        String step = lot.has("qtyStep") ? lot.path("qtyStep").asText() : lot.path("basePrecision").asText();
        String minNotional = lot.has("minNotionalValue") ? lot.path("minNotionalValue").asText()
                : lot.path("minOrderAmt").asText("0");
        BigDecimal maxOrderQty = decimal(lot, "maxOrderQty");
        return new InstrumentRules(text(info, "symbol"), new BigDecimal(info.path("priceFilter").path("tickSize")
                .asText()), new BigDecimal(step), decimal(lot, "minOrderQty"), maxOrderQty,
                lot.hasNonNull("maxMktOrderQty") ? decimal(lot, "maxMktOrderQty") : maxOrderQty,
                new BigDecimal(minNotional));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("Bybit answer without " + field + ": " + node);
        }
        return value.asText();
    }

    /** Empty strings stand for zero (e.g. avgPrice before any fill). */
    static BigDecimal decimal(JsonNode node, String field) {
        String value = text(node, field);
        return value.isEmpty() ? BigDecimal.ZERO : new BigDecimal(value);
    }

    private static Instant millis(JsonNode node, String field) {
        String value = text(node, field);
        return Instant.ofEpochMilli(value.isEmpty() ? 0 : Long.parseLong(value));
    }
}
