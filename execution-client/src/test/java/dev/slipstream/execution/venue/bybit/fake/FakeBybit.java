package dev.slipstream.execution.venue.bybit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipstream.execution.venue.bybit.BybitCredentials;
import dev.slipstream.execution.venue.bybit.BybitExecution;
import dev.slipstream.execution.venue.bybit.BybitTrade;
import dev.slipstream.execution.venue.bybit.BybitWire;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole fake Bybit for venue and CLI tests: the exchange core with BTCUSDT listed (tick 0.1, step 0.001, min
 * notional 5, ten levels of 0.05 a side around 50,000), its REST server, and the WebSocket streams, on which the
 * core's order changes and executions (private topics), its public trades and its book (a snapshot after every
 * change) are published.
 */
public final class FakeBybit implements AutoCloseable {

    public static final String SYMBOL = "BTCUSDT";
    public static final String API_KEY = "fake-key";
    public static final String API_SECRET = "fake-secret";

    private final FakeBybitExchange exchange = new FakeBybitExchange(System::currentTimeMillis);
    private final FakeBybitRestServer rest;
    private final FakeBybitStreams streams;

    public FakeBybit() {
        exchange.list(SYMBOL, "0.1", "0.001", "0.001", "5");
        exchange.setBids(SYMBOL, ladder("50000.0", "-0.1"));
        exchange.setAsks(SYMBOL, ladder("50000.1", "0.1"));
        rest = new FakeBybitRestServer(exchange, API_KEY, API_SECRET, 100);
        streams = FakeBybitStreams.start(new BybitCredentials(API_KEY, API_SECRET));
        exchange.addListener(new FakeBybitExchange.Listener() {
            @Override
            public void onOrder(ObjectNode order) {
                streams.publishOrder(BybitWire.orderUpdate(order), new FakeBybitStreams.OrderTerms(
                        BybitWire.side(order, "side"), order.path("orderType").asText(),
                        new BigDecimal(order.path("price").asText()), order.path("timeInForce").asText()));
            }

            @Override
            public void onExecution(ObjectNode execution) {
                streams.publishExecution(execution(execution));
            }

            @Override
            public void onPublicTrade(String symbol, ObjectNode trade) {
                streams.publishTrades(symbol, List.of(new BybitTrade(trade.path("execId").asText(), symbol,
                        BybitWire.side(trade, "side"), new BigDecimal(trade.path("size").asText()),
                        new BigDecimal(trade.path("price").asText()),
                        Instant.ofEpochMilli(trade.path("time").asLong()))));
            }

            @Override
            public void onBook(String symbol, ObjectNode book) {
                publishBook(symbol, book);
            }
        });
        publishBook(SYMBOL, exchange.orderBook(SYMBOL, 50));
    }

    /** The core's book as a snapshot on the public stream (the fake streams keep it for new subscribers). */
    private void publishBook(String symbol, ObjectNode book) {
        streams.publishBookSnapshot(symbol, levels(book.path("b")), levels(book.path("a")));
    }

    private static Map<String, String> levels(JsonNode side) {
        Map<String, String> levels = new LinkedHashMap<>();
        side.forEach(level -> levels.put(level.get(0).asText(), level.get(1).asText()));
        return levels;
    }

    private static String[] ladder(String best, String step) {
        String[] levels = new String[20];
        for (int i = 0; i < 10; i++) {
            levels[2 * i] = new BigDecimal(best).add(new BigDecimal(step).multiply(BigDecimal.valueOf(i)))
                    .toPlainString();
            levels[2 * i + 1] = "0.05";
        }
        return levels;
    }

    /** An execution of the core as the private stream's parser reads it (v5 field names). */
    public static BybitExecution execution(ObjectNode json) {
        return new BybitExecution(json.path("execId").asText(), json.path("orderId").asText(),
                json.path("orderLinkId").asText(), json.path("symbol").asText(),
                BybitWire.side(json, "side"), new BigDecimal(json.path("execQty").asText()),
                new BigDecimal(json.path("execPrice").asText()), json.path("isMaker").asBoolean(),
                Instant.ofEpochMilli(json.path("execTime").asLong()));
    }

    public FakeBybitExchange exchange() {
        return exchange;
    }

    public FakeBybitRestServer restServer() {
        return rest;
    }

    public FakeBybitStreams streams() {
        return streams;
    }

    /** The REST base. */
    public URI uri() {
        return rest.uri();
    }

    /** The streams' base ({@code ws://127.0.0.1:port}), for a stream endpoint override. */
    public URI streamsUri() {
        URI privateUri = streams.privateUri();
        return URI.create(privateUri.getScheme() + "://" + privateUri.getRawAuthority());
    }

    /** The environment a signed session reads its keys from. */
    public static Map<String, String> environment() {
        return Map.of("BYBIT_API_KEY", API_KEY, "BYBIT_API_SECRET", API_SECRET);
    }

    @Override
    public void close() {
        streams.close();
        rest.close();
    }
}
