package dev.slipstream.execution.venue.bybit;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.venue.BookEvent;
import dev.slipstream.execution.venue.OrderBook;
import dev.slipstream.execution.venue.bybit.rest.BybitException;
import dev.slipstream.execution.venue.bybit.rest.BybitRestClient;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public stream's callbacks fed by polling REST ({@code orderbook}, {@code recent-trade}, {@code tickers}) every
 * {@code interval}: the fallback where no WebSocket is available, coarser but complete. Trades already listed at the
 * first poll are history and not passed on; later ones are passed on once each, oldest first.
 */
public final class RestPollingPublicStream implements BybitPublicStream {

    private static final Logger LOG = LoggerFactory.getLogger(RestPollingPublicStream.class);
    private static final int TRADES_PER_POLL = 60;
    private static final int REMEMBERED_TRADE_IDS = 1000;

    private final BybitRestClient rest;
    private final Duration interval;
    private final int depth;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bybit-rest-poller");
        thread.setDaemon(true);
        return thread;
    });

    public RestPollingPublicStream(BybitRestClient rest, Duration interval, int depth) {
        this.rest = requireNonNull(rest, "rest");
        this.interval = requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval: " + interval + " (expected: > 0)");
        }
        if (depth < 1 || depth > 1000) {
            throw new IllegalArgumentException("depth: " + depth + " (expected: 1..1000)");
        }
        this.depth = depth;
    }

    @Override
    public void subscribe(String symbol, PublicStreamListener listener) {
        SequencedSet<String> seenTrades = new LinkedHashSet<>();
        rest.recentTrades(symbol, TRADES_PER_POLL).forEach(trade -> seenTrades.add(trade.tradeId()));
        poller.scheduleWithFixedDelay(() -> poll(symbol, listener, seenTrades), 0, interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void poll(String symbol, PublicStreamListener listener, SequencedSet<String> seenTrades) {
        try {
            BookEvent.Snapshot snapshot = rest.orderBook(symbol, depth);
            OrderBook book = new OrderBook();
            snapshot.bids().forEach(level -> book.setBid(level.price(), level.size()));
            snapshot.asks().forEach(level -> book.setAsk(level.price(), level.size()));
            listener.onBook(symbol, book, snapshot.time());
            List<BybitTrade> newestFirst = rest.recentTrades(symbol, TRADES_PER_POLL);
            for (BybitTrade trade : newestFirst.reversed()) {
                if (seenTrades.add(trade.tradeId())) {
                    listener.onTrade(trade);
                }
            }
            while (seenTrades.size() > REMEMBERED_TRADE_IDS) {
                seenTrades.removeFirst();
            }
            listener.onTicker(rest.ticker(symbol));
        } catch (BybitException.TradingHalted e) {
            poller.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("polling {} market data: {}", symbol, e.toString());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
