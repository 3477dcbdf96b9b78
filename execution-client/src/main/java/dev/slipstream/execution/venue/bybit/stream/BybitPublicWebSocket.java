package dev.slipstream.execution.venue.bybit.stream;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.execution.venue.bybit.BybitPublicStream;
import dev.slipstream.execution.venue.bybit.PublicStreamListener;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Bybit's public stream of one category: {@code orderbook.{depth}}, {@code publicTrade} and {@code tickers} of every
 * subscribed symbol. Every connection resubscribes all symbols; a {@code u} gap resubscribes that book for a fresh
 * snapshot; a refused subscription is reported with Bybit's reason. Listeners are called on the stream's I/O thread,
 * one message at a time: keep the calls short.
 */
public final class BybitPublicWebSocket implements BybitPublicStream {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,30}");

    private final StreamSettings settings;
    private final ReconnectingWebSocket connection;
    private final Map<String, SymbolFeed> feeds = new LinkedHashMap<>();
    private final Map<String, List<String>> pending = new HashMap<>();
    private boolean open;
    private boolean closed;
    private long requests;

    public BybitPublicWebSocket(URI endpoint, StreamSettings settings) {
        this.settings = requireNonNull(settings, "settings");
        this.connection = new ReconnectingWebSocket("public", requireNonNull(endpoint, "endpoint"), settings,
                new Handler());
    }

    /** Subscribes {@code symbol}'s book, trades and ticker; connects first if needed. Returns without waiting. */
    @Override
    public void subscribe(String symbol, PublicStreamListener listener) {
        requireNonNull(symbol, "symbol");
        requireNonNull(listener, "listener");
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol: \"" + symbol + "\" (expected: like BTCUSDT)");
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the public stream is closed");
            }
            if (feeds.containsKey(symbol)) {
                throw new IllegalStateException("already subscribed to " + symbol);
            }
            SymbolFeed feed = new SymbolFeed(symbol, settings.bookDepth(), listener);
            feeds.put(symbol, feed);
            if (open) {
                request("subscribe", feed.topics());
            }
        }
        connection.start();
    }

    /** How many connections have opened (1 + reconnects). */
    public int connectionsOpened() {
        return connection.connectionsOpened();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        connection.close();
    }

    /** Sends an operation and remembers its topics, so that a refusal can name them. Called under the lock. */
    private void request(String op, List<String> topics) {
        String reqId = op + "-" + ++requests;
        pending.put(reqId, topics);
        connection.send(BybitOps.request(reqId, op, topics));
    }

    private final class Handler implements ReconnectingWebSocket.Handler {

        @Override
        public void onOpen() {
            synchronized (BybitPublicWebSocket.this) {
                open = true;
                for (SymbolFeed feed : feeds.values()) {
                    feed.reset();
                    request("subscribe", feed.topics());
                }
            }
        }

        @Override
        public void onMessage(JsonNode message) {
            synchronized (BybitPublicWebSocket.this) {
                BybitOps.Ack ack = BybitOps.ack(message);
                if (ack != null) {
                    acknowledged(ack);
                    return;
                }
                String topic = message.path("topic").asText();
                SymbolFeed feed = feeds.get(topic.substring(topic.lastIndexOf('.') + 1));
                if (feed == null) {
                    return;
                }
                if (topic.equals(feed.bookTopic)) {
                    if (feed.onBook(message)) {
                        request("unsubscribe", List.of(feed.bookTopic));
                        request("subscribe", List.of(feed.bookTopic));
                    }
                } else if (topic.equals(feed.tradeTopic)) {
                    feed.onTrades(message);
                } else if (topic.equals(feed.tickerTopic)) {
                    feed.onTicker(message);
                }
            }
        }

        private void acknowledged(BybitOps.Ack ack) {
            List<String> topics = pending.remove(ack.reqId());
            if (ack.success()) {
                if ("subscribe".equals(ack.op())) {
                    connection.markHealthy();
                }
                return;
            }
            if (topics == null) {
                return;
            }
            String refusal = "Bybit refused to " + ack.op() + " " + topics + ": " + ack.retMsg();
            topics.stream()
                    .map(topic -> feeds.get(topic.substring(topic.lastIndexOf('.') + 1)))
                    .distinct()
                    .forEach(feed -> {
                        if (feed != null) {
                            feed.onError(refusal);
                        }
                    });
        }

        @Override
        public void onDropped(String reason) {
            synchronized (BybitPublicWebSocket.this) {
                open = false;
                pending.clear();
                feeds.values().forEach(feed -> feed.onError("public stream dropped: " + reason));
            }
        }

        @Override
        public void onError(String message) {
            synchronized (BybitPublicWebSocket.this) {
                feeds.values().forEach(feed -> feed.onError(message));
            }
        }
    }
}
