package dev.slipstream.execution.venue.bybit;

import dev.slipstream.execution.venue.OrderBook;
import java.time.Instant;

/** Receives the public stream's state, always consistent: the book is called back only after a whole message. */
public interface PublicStreamListener {

    /** The local book changed; read it during the call only (it is the stream's own, not a copy). */
    void onBook(String symbol, OrderBook book, Instant time);

    void onTrade(BybitTrade trade);

    void onTicker(BybitTicker ticker);

    /**
     * Trouble the stream handles by itself: a drop before a reconnect, a {@code u} gap before a resubscription, a
     * refused subscription, a message it cannot read. The default logs it.
     */
    default void onStreamError(String message) {
        System.getLogger(PublicStreamListener.class.getName()).log(System.Logger.Level.WARNING, message);
    }
}
