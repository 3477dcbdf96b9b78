package dev.slipstream.execution.venue.bybit.rest;

import static dev.slipstream.execution.venue.bybit.BybitWire.millis;
import static dev.slipstream.execution.venue.bybit.BybitWire.side;
import static dev.slipstream.execution.venue.bybit.BybitWire.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.execution.venue.Bar;
import dev.slipstream.execution.venue.BookEvent;
import dev.slipstream.execution.venue.bybit.BybitTicker;
import dev.slipstream.execution.venue.bybit.BybitTrade;
import dev.slipstream.execution.venue.bybit.BybitWire;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the v5 REST {@code result} objects into the venue's records; Bybit sends numbers as strings. */
public final class BybitRestRecords {

    private BybitRestRecords() {}

    /** Spot tickers have no mark price, funding or open interest: those read as zero there. */
    static BybitTicker ticker(JsonNode ticker) {
        return new BybitTicker(text(ticker, "symbol"), decimal(ticker, "bid1Price"), decimal(ticker, "ask1Price"),
                decimal(ticker, "lastPrice"), zeroIfAbsent(ticker, "markPrice"), zeroIfAbsent(ticker, "fundingRate"),
                Instant.ofEpochMilli(zeroIfAbsent(ticker, "nextFundingTime").longValue()),
                zeroIfAbsent(ticker, "openInterest"), decimal(ticker, "volume24h"), decimal(ticker, "turnover24h"));
    }

    private static BigDecimal zeroIfAbsent(JsonNode node, String field) {
        return node.hasNonNull(field) ? decimal(node, field) : BigDecimal.ZERO;
    }

    static BybitTrade trade(JsonNode trade) {
        return new BybitTrade(text(trade, "execId"), text(trade, "symbol"), side(trade, "side"),
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

    /** Empty strings stand for zero (e.g. avgPrice before any fill). */
    private static BigDecimal decimal(JsonNode node, String field) {
        return BybitWire.decimalOrZero(node, field);
    }
}
