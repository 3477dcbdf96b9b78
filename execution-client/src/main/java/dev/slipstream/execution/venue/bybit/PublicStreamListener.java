package dev.slipstream.execution.venue.bybit;

import dev.slipstream.execution.venue.OrderBook;
import java.time.Instant;

/** Receives the public stream's state, always consistent: the book is called back only after a whole message. */
public interface PublicStreamListener {

    /** The local book changed; read it during the call only (it is the stream's own, not a copy). */
    void onBook(String symbol, OrderBook book, Instant time);

    void onTrade(BybitTrade trade);

    void onTicker(BybitTicker ticker);
}
