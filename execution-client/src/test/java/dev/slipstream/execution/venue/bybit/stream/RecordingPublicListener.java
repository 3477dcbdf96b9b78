package dev.slipstream.execution.venue.bybit.stream;

import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.venue.OrderBook;
import dev.slipstream.execution.venue.bybit.BybitTicker;
import dev.slipstream.execution.venue.bybit.BybitTrade;
import dev.slipstream.execution.venue.bybit.PublicStreamListener;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Queues copies of what the public stream delivers so a test can take each with a bounded wait. */
class RecordingPublicListener implements PublicStreamListener {

    /** The book as it was at one callback. */
    record BookCopy(String symbol, NavigableMap<BigDecimal, BigDecimal> bids,
            NavigableMap<BigDecimal, BigDecimal> asks, Instant time) {}

    final BlockingQueue<BookCopy> books = new LinkedBlockingQueue<>();
    final BlockingQueue<BybitTrade> trades = new LinkedBlockingQueue<>();
    final BlockingQueue<BybitTicker> tickers = new LinkedBlockingQueue<>();
    final BlockingQueue<String> errors = new LinkedBlockingQueue<>();

    @Override
    public void onBook(String symbol, OrderBook book, Instant time) {
        books.add(new BookCopy(symbol, book.levels(Side.BUY), book.levels(Side.SELL), time));
    }

    @Override
    public void onTrade(BybitTrade trade) {
        trades.add(trade);
    }

    @Override
    public void onTicker(BybitTicker ticker) {
        tickers.add(ticker);
    }

    @Override
    public void onStreamError(String message) {
        errors.add(message);
    }
}
