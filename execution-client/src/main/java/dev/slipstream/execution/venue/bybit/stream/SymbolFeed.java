package dev.slipstream.execution.venue.bybit.stream;

import static dev.slipstream.execution.venue.bybit.BybitWire.decimal;
import static dev.slipstream.execution.venue.bybit.BybitWire.millis;
import static dev.slipstream.execution.venue.bybit.BybitWire.side;
import static dev.slipstream.execution.venue.bybit.BybitWire.text;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.execution.venue.BybitOrderBookFeed;
import dev.slipstream.execution.venue.OrderBook;
import dev.slipstream.execution.venue.bybit.BybitTicker;
import dev.slipstream.execution.venue.bybit.BybitTrade;
import dev.slipstream.execution.venue.bybit.PublicStreamListener;
import java.time.Instant;
import java.util.List;

/**
 * The public topics of one symbol and their local state: the order book (through {@link BybitOrderBookFeed}, which
 * checks {@code u}), trades and the merged ticker. Not thread-safe: the stream calls it under its lock.
 */
final class SymbolFeed {

    final String symbol;
    final String bookTopic;
    final String tradeTopic;
    final String tickerTopic;
    private final PublicStreamListener listener;
    private final OrderBook book = new OrderBook();
    private final BybitOrderBookFeed bookFeed = new BybitOrderBookFeed(book);
    private final TickerMerger ticker = new TickerMerger();
    private boolean awaitingSnapshot = true;

    SymbolFeed(String symbol, int bookDepth, PublicStreamListener listener) {
        this.symbol = requireNonNull(symbol, "symbol");
        this.listener = requireNonNull(listener, "listener");
        this.bookTopic = "orderbook." + bookDepth + "." + symbol;
        this.tradeTopic = "publicTrade." + symbol;
        this.tickerTopic = "tickers." + symbol;
    }

    List<String> topics() {
        return List.of(bookTopic, tradeTopic, tickerTopic);
    }

    /** A new subscription starts: the book and ticker wait for their snapshots. */
    void reset() {
        awaitingSnapshot = true;
        ticker.reset();
    }

    /**
     * Applies an order-book message.
     *
     * @return true when the book lost continuity (a {@code u} gap or a malformed message) and needs a fresh snapshot
     */
    boolean onBook(JsonNode message) {
        if (awaitingSnapshot && !BybitOrderBookFeed.resetsBook(message)) {
            return false; // a delta still in flight from before the resubscription; the snapshot replaces it
        }
        try {
            bookFeed.apply(message);
        } catch (IllegalStateException | IllegalArgumentException e) {
            awaitingSnapshot = true;
            listener.onStreamError(bookTopic + ": " + e.getMessage() + "; resubscribing for a fresh snapshot");
            return true;
        }
        awaitingSnapshot = false;
        Instant time = Instant.ofEpochMilli(message.path("ts").asLong());
        deliver("onBook", () -> listener.onBook(symbol, book, time));
        return false;
    }

    void onTrades(JsonNode message) {
        for (JsonNode item : message.path("data")) {
            BybitTrade trade;
            try {
                trade = new BybitTrade(text(item, "i"), text(item, "s"), side(item, "S"), decimal(item, "v"),
                        decimal(item, "p"), millis(item, "T"));
            } catch (IllegalArgumentException e) {
                listener.onStreamError(tradeTopic + ": skipped a trade: " + e.getMessage());
                continue;
            }
            deliver("onTrade", () -> listener.onTrade(trade));
        }
    }

    void onTicker(JsonNode message) {
        BybitTicker merged;
        try {
            merged = ticker.apply(message);
        } catch (IllegalArgumentException e) {
            listener.onStreamError(tickerTopic + ": " + e.getMessage());
            return;
        }
        if (merged != null) {
            deliver("onTicker", () -> listener.onTicker(merged));
        }
    }

    void onError(String message) {
        deliver("onStreamError", () -> listener.onStreamError(message));
    }

    /** A listener that throws must not stop the stream or the other symbols. */
    private void deliver(String callback, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            try {
                listener.onStreamError(symbol + ": the listener's " + callback + " failed: " + e);
            } catch (RuntimeException ignored) {
                // Nothing left to tell.
            }
        }
    }
}
