package dev.slipstream.execution.venue.bybit.fake;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.websocket.WebSocket;
import com.linecorp.armeria.common.websocket.WebSocketFrame;
import com.linecorp.armeria.common.websocket.WebSocketFrameType;
import com.linecorp.armeria.common.websocket.WebSocketWriter;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.websocket.WebSocketService;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.venue.bybit.BybitCredentials;
import dev.slipstream.execution.venue.bybit.BybitExecution;
import dev.slipstream.execution.venue.bybit.BybitOrderUpdate;
import dev.slipstream.execution.venue.bybit.BybitSigner;
import dev.slipstream.execution.venue.bybit.BybitTrade;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A local Bybit v5 WebSocket server on 127.0.0.1 (Armeria): {@code /v5/public/linear} and {@code /v5/private} with
 * the real message shapes — subscribe acknowledgements (a snapshot follows an order-book or ticker subscription),
 * pongs, auth checked with {@link BybitSigner} — plus publish methods for tests and for a fake exchange core (call
 * {@link #publishOrder} / {@link #publishExecution} from its order-event hook), a drop switch and counters.
 */
public final class FakeBybitStreams implements AutoCloseable {

    public static final String PUBLIC_PATH = "/v5/public/linear";
    public static final String PRIVATE_PATH = "/v5/private";

    /** Failure text Bybit sends for an expired or otherwise invalid auth request (observed replies). */
    public static final String AUTH_REFUSED = "Params Error";

    private static final Pattern PUBLIC_TOPIC =
            Pattern.compile("(orderbook\\.(1|50|200|500|1000)|publicTrade|tickers)\\.([A-Z0-9]+)");
    private static final Set<String> PRIVATE_TOPICS = Set.of("order", "execution", "position", "wallet");

    private final BybitCredentials credentials;
    private final BybitSigner signer;
    private final Server server;
    private final List<FakeConnection> connections = new CopyOnWriteArrayList<>();
    private final Set<String> listedSymbols = ConcurrentHashMap.newKeySet();
    private final Map<String, FakeBook> books = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> tickers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> subscriptions = new ConcurrentHashMap<>();
    private final AtomicInteger publicConnections = new AtomicInteger();
    private final AtomicInteger privateConnections = new AtomicInteger();
    private final AtomicInteger authSuccesses = new AtomicInteger();
    private final AtomicInteger authFailures = new AtomicInteger();
    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicInteger closeFrames = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong(1_000);
    private final AtomicInteger connectionIds = new AtomicInteger();
    private volatile boolean answerPings = true;
    private volatile boolean answerAuth = true;
    private volatile int fragmentChars;

    private FakeBybitStreams(BybitCredentials credentials) {
        this.credentials = requireNonNull(credentials, "credentials");
        this.signer = new BybitSigner(credentials);
        listedSymbols.addAll(List.of("BTCUSDT", "ETHUSDT", "XRPUSDT"));
        this.server = Server.builder()
                .http(new InetSocketAddress("127.0.0.1", 0))
                .requestTimeout(Duration.ZERO)
                .gracefulShutdownTimeout(Duration.ZERO, Duration.ZERO)
                .service(PUBLIC_PATH, webSocketService(false))
                .service(PRIVATE_PATH, webSocketService(true))
                .build();
    }

    /** Bybit's streams take non-browser clients, which send no Origin header: accept any. */
    private WebSocketService webSocketService(boolean privateChannel) {
        return WebSocketService.builder((ctx, in) -> serve(ctx, in, privateChannel))
                .allowedOrigins("*")
                .aggregateContinuation(true)
                .build();
    }

    /** Starts a fake that accepts {@code credentials} on the private stream. */
    public static FakeBybitStreams start(BybitCredentials credentials) {
        FakeBybitStreams fake = new FakeBybitStreams(credentials);
        fake.server.start().join();
        return fake;
    }

    public URI publicUri() {
        return URI.create("ws://127.0.0.1:" + server.activeLocalPort() + PUBLIC_PATH);
    }

    public URI privateUri() {
        return URI.create("ws://127.0.0.1:" + server.activeLocalPort() + PRIVATE_PATH);
    }

    public BybitCredentials credentials() {
        return credentials;
    }

    // ---- controls ----

    /** Subscriptions to other symbols are refused as Bybit refuses an unknown symbol. */
    public void listSymbol(String symbol) {
        listedSymbols.add(symbol);
    }

    /** When false, pings go unanswered: a connection that looks alive but is dead. */
    public void answerPings(boolean answer) {
        answerPings = answer;
    }

    /** When false, auth requests go unanswered, as from a server that hangs mid-handshake. */
    public void answerAuth(boolean answer) {
        answerAuth = answer;
    }

    /** Splits every outbound message into frames of this many characters (0: one frame per message). */
    public void fragmentFramesOf(int chars) {
        fragmentChars = chars;
    }

    /** Cuts every client connection without a close handshake, as a network failure would. */
    public void dropAllConnections() {
        connections.forEach(FakeConnection::drop);
        connections.clear();
        signal();
    }

    // ---- counters ----

    /** Successful subscriptions to {@code topic} over the fake's life (resubscriptions included). */
    public int subscriptions(String topic) {
        AtomicInteger count = subscriptions.get(topic);
        return count == null ? 0 : count.get();
    }

    /** Client connections open now. */
    public int openConnections() {
        return connections.size();
    }

    /** Public-channel connections opened over the fake's life. */
    public int publicConnections() {
        return publicConnections.get();
    }

    /** Private-channel connections opened over the fake's life. */
    public int privateConnections() {
        return privateConnections.get();
    }

    public int authSuccesses() {
        return authSuccesses.get();
    }

    public int authFailures() {
        return authFailures.get();
    }

    public int pings() {
        return pings.get();
    }

    /** WebSocket close frames received: clients that said goodbye rather than vanished. */
    public int closeFrames() {
        return closeFrames.get();
    }

    /** Waits (bounded) until {@code condition} holds; it is re-checked after every request the fake receives. */
    public void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(what + ": not within " + timeout.toMillis() + " ms",
                            new TimeoutException());
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private synchronized void signal() {
        notifyAll();
    }

    // ---- public topics ----

    /** Replaces the book of {@code symbol} and sends it as a snapshot to its subscribers. */
    public void publishBookSnapshot(String symbol, Map<String, String> bids, Map<String, String> asks) {
        FakeBook book = books.computeIfAbsent(symbol, ignored -> new FakeBook());
        book.replace(bids, asks, book.updateId() + 1);
        sendBook(symbol, "snapshot", book, book.updateId());
    }

    /** Applies a delta (size "0" deletes) and sends it with the next update id. */
    public void publishBookDelta(String symbol, Map<String, String> bids, Map<String, String> asks) {
        publishDelta(symbol, bids, asks, 1);
    }

    /** Applies a delta but skips an update id, as when a message is lost: the client must resubscribe. */
    public void publishBookDeltaAfterAGap(String symbol, Map<String, String> bids, Map<String, String> asks) {
        publishDelta(symbol, bids, asks, 2);
    }

    /** Bybit's order-book service restarted: a snapshot with {@code u = 1} that overwrites the book. */
    public void restartBookService(String symbol, Map<String, String> bids, Map<String, String> asks) {
        FakeBook book = books.computeIfAbsent(symbol, ignored -> new FakeBook());
        book.replace(bids, asks, 1);
        sendBook(symbol, "snapshot", book, 1);
    }

    private void publishDelta(String symbol, Map<String, String> bids, Map<String, String> asks, int step) {
        FakeBook book = requireNonNull(books.get(symbol), () -> "no book for " + symbol + ": publish a snapshot");
        FakeBook delta = book.apply(bids, asks, book.updateId() + step);
        sendBook(symbol, "delta", delta, book.updateId());
    }

    private void sendBook(String symbol, String type, FakeBook levels, long updateId) {
        long now = System.currentTimeMillis();
        for (FakeConnection connection : connections) {
            for (String topic : connection.topics) {
                if (topic.startsWith("orderbook.") && topic.endsWith("." + symbol)) {
                    connection.send(FakeBybitMessages.book(topic, type, now, symbol, levels.bids(), levels.asks(),
                            updateId, sequence.incrementAndGet()), fragmentChars);
                }
            }
        }
    }

    public void publishTrades(String symbol, List<BybitTrade> trades) {
        String message = FakeBybitMessages.trades(symbol, System.currentTimeMillis(), trades,
                sequence.getAndAdd(trades.size()));
        broadcast(false, "publicTrade." + symbol, message);
    }

    /** A full ticker: it replaces the last one and is what a new subscriber gets first. */
    public void publishTickerSnapshot(String symbol, Map<String, String> fields) {
        ObjectNode ticker = FakeBybitMessages.parse("{}");
        fields.forEach(ticker::put);
        tickers.put(symbol, ticker);
        broadcast(false, "tickers." + symbol, FakeBybitMessages.ticker(symbol, "snapshot",
                System.currentTimeMillis(), fields, sequence.incrementAndGet()));
    }

    /** Only the fields that changed; the others keep their value. */
    public void publishTickerDelta(String symbol, Map<String, String> changed) {
        ObjectNode ticker = requireNonNull(tickers.get(symbol), () -> "no ticker for " + symbol);
        changed.forEach(ticker::put);
        broadcast(false, "tickers." + symbol, FakeBybitMessages.ticker(symbol, "delta", System.currentTimeMillis(),
                changed, sequence.incrementAndGet()));
    }

    /** Sends a message as it is (e.g. a captured one) to the subscribers of its {@code topic}. */
    public void publishPublicRaw(String message) {
        broadcast(false, FakeBybitMessages.parse(message).path("topic").asText(), message);
    }

    // ---- private topics ----

    /** What an order message says about the order's terms, which {@link BybitOrderUpdate} does not carry. */
    public record OrderTerms(Side side, String orderType, BigDecimal price, String timeInForce) {}

    /** An order message without side, type, price and time in force (the stream does not read them). */
    public void publishOrder(BybitOrderUpdate order) {
        broadcast(true, "order", FakeBybitMessages.order(order, null, System.currentTimeMillis()));
    }

    /** An order message with every field a v5 linear order update has. */
    public void publishOrder(BybitOrderUpdate order, OrderTerms terms) {
        broadcast(true, "order", FakeBybitMessages.order(order, terms, System.currentTimeMillis()));
    }

    public void publishExecution(BybitExecution execution) {
        broadcast(true, "execution", FakeBybitMessages.execution(execution, System.currentTimeMillis(),
                sequence.incrementAndGet()));
    }

    /** Sends a private message as it is to the authenticated subscribers of its {@code topic}. */
    public void publishPrivateRaw(String message) {
        broadcast(true, FakeBybitMessages.parse(message).path("topic").asText(), message);
    }

    private void broadcast(boolean privateChannel, String topic, String message) {
        for (FakeConnection connection : connections) {
            if (connection.privateChannel == privateChannel && connection.topics.contains(topic)) {
                connection.send(message, fragmentChars);
            }
        }
    }

    // ---- the server side of a connection ----

    private WebSocket serve(ServiceRequestContext ctx, WebSocket in, boolean privateChannel) {
        WebSocketWriter out = WebSocket.streaming();
        FakeConnection connection = new FakeConnection("fake-" + connectionIds.incrementAndGet(), privateChannel,
                out);
        connections.add(connection);
        (privateChannel ? privateConnections : publicConnections).incrementAndGet();
        signal();
        in.subscribe(new Subscriber<WebSocketFrame>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(WebSocketFrame frame) {
                if (frame.type() == WebSocketFrameType.TEXT) {
                    receive(connection, frame.text());
                } else if (frame.type() == WebSocketFrameType.CLOSE) {
                    closeFrames.incrementAndGet();
                    connections.remove(connection);
                    out.close();
                }
                signal();
            }

            @Override
            public void onError(Throwable error) {
                connections.remove(connection);
                out.abort();
                signal();
            }

            @Override
            public void onComplete() {
                connections.remove(connection);
                out.close();
                signal();
            }
        });
        return out;
    }

    private void receive(FakeConnection connection, String text) {
        JsonNode request;
        try {
            request = FakeBybitMessages.parse(text);
        } catch (IllegalArgumentException e) {
            connection.send(FakeBybitMessages.ack("", false, "error:request is not JSON", "", connection.connId), 0);
            return;
        }
        String op = request.path("op").asText();
        String reqId = request.path("req_id").asText();
        List<String> args = new ArrayList<>();
        request.path("args").forEach(arg -> args.add(arg.asText()));
        switch (op) {
            case "ping" -> {
                pings.incrementAndGet();
                if (answerPings) {
                    connection.send(connection.privateChannel
                            ? FakeBybitMessages.privatePong(reqId, connection.connId, System.currentTimeMillis())
                            : FakeBybitMessages.publicPong(reqId, connection.connId), fragmentChars);
                }
            }
            case "auth" -> authenticate(connection, args, reqId);
            case "subscribe" -> subscribe(connection, args, reqId);
            case "unsubscribe" -> {
                args.forEach(connection.topics::remove);
                reply(connection, "unsubscribe", true, "", reqId);
            }
            default -> reply(connection, op, false, "error:invalid op " + op, reqId);
        }
    }

    private void authenticate(FakeConnection connection, List<String> args, String reqId) {
        if (!answerAuth) {
            return;
        }
        boolean valid = connection.privateChannel && args.size() == 3
                && args.get(0).equals(credentials.apiKey()) && validExpiry(args.get(1))
                && args.get(2).equals(signer.signWebSocketAuth(Long.parseLong(args.get(1))));
        connection.authenticated = valid;
        (valid ? authSuccesses : authFailures).incrementAndGet();
        reply(connection, "auth", valid, valid ? "" : AUTH_REFUSED, reqId);
    }

    private static boolean validExpiry(String expires) {
        try {
            return Long.parseLong(expires) > System.currentTimeMillis();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void subscribe(FakeConnection connection, List<String> topics, String reqId) {
        for (String topic : topics) {
            String refusal = refusal(connection, topic);
            if (refusal != null) {
                reply(connection, "subscribe", false, refusal, reqId);
                return;
            }
        }
        connection.topics.addAll(topics);
        topics.forEach(topic -> subscriptions.computeIfAbsent(topic, ignored -> new AtomicInteger()).incrementAndGet());
        reply(connection, "subscribe", true, connection.privateChannel ? "" : "subscribe", reqId);
        for (String topic : topics) {
            sendInitialSnapshot(connection, topic);
        }
    }

    /** Why Bybit would refuse this subscription, or null when it accepts it. */
    private @Nullable String refusal(FakeConnection connection, String topic) {
        if (connection.topics.contains(topic)) {
            return "error:already subscribed,topic:" + topic;
        }
        if (connection.privateChannel) {
            if (!connection.authenticated) {
                return "Request not authorized";
            }
            return PRIVATE_TOPICS.contains(topic) ? null : "error:handler not found,topic:" + topic;
        }
        var matcher = PUBLIC_TOPIC.matcher(topic);
        if (!matcher.matches() || !listedSymbols.contains(matcher.group(3))) {
            return "Invalid symbol :[" + topic + "]";
        }
        return null;
    }

    /** Bybit starts an order-book or ticker subscription with a snapshot of the current state. */
    private void sendInitialSnapshot(FakeConnection connection, String topic) {
        String symbol = topic.substring(topic.lastIndexOf('.') + 1);
        long now = System.currentTimeMillis();
        if (topic.startsWith("orderbook.")) {
            FakeBook book = books.get(symbol);
            if (book != null) {
                connection.send(FakeBybitMessages.book(topic, "snapshot", now, symbol, book.bids(), book.asks(),
                        book.updateId(), sequence.incrementAndGet()), fragmentChars);
            }
        } else if (topic.startsWith("tickers.")) {
            ObjectNode ticker = tickers.get(symbol);
            if (ticker != null) {
                Map<String, String> fields = new LinkedHashMap<>();
                ticker.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue().asText()));
                connection.send(FakeBybitMessages.ticker(symbol, "snapshot", now, fields, sequence.incrementAndGet()),
                        fragmentChars);
            }
        }
    }

    private void reply(FakeConnection connection, String op, boolean success, String retMsg, String reqId) {
        connection.send(FakeBybitMessages.ack(op, success, retMsg, reqId, connection.connId), fragmentChars);
    }

    /**
     * Cuts the connections and stops the server without waiting: Netty's event loops wind down with a 2 s quiet
     * period that no test needs to sit through.
     */
    @Override
    public void close() {
        connections.forEach(FakeConnection::drop);
        server.stop();
    }
}
