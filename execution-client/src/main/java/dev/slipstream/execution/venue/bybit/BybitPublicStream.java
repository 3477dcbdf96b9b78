package dev.slipstream.execution.venue.bybit;

/** Bybit's public WebSocket for one category: order book, trades and tickers of the subscribed symbols. */
public interface BybitPublicStream extends AutoCloseable {

    /** Connects (if needed) and subscribes to {@code orderbook.50}, {@code publicTrade} and {@code tickers}. */
    void subscribe(String symbol, PublicStreamListener listener);

    @Override
    void close();
}
