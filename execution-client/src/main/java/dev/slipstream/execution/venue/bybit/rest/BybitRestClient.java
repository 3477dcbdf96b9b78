package dev.slipstream.execution.venue.bybit.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipstream.execution.venue.Bar;
import dev.slipstream.execution.venue.BookEvent;
import dev.slipstream.execution.venue.bybit.BybitOrderUpdate;
import dev.slipstream.execution.venue.bybit.BybitSigner;
import dev.slipstream.execution.venue.bybit.BybitTicker;
import dev.slipstream.execution.venue.bybit.BybitTrade;
import dev.slipstream.execution.venue.bybit.BybitWire;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Bybit v5 REST on the JDK HttpClient: orders (create, cancel, realtime query) and market data (order book,
 * tickers, recent trades, klines, instrument rules) of one category. Thread-safe. A create that was retried after
 * an unknown outcome and answered "duplicate orderLinkId" is looked up and returned as already placed — never
 * sent as a second order.
 */
public final class BybitRestClient {

    private final BybitTransport transport;
    private final ServerClock clock;
    private final String category;

    /** {@code signer} may be null for market data only. */
    public BybitRestClient(URI base, @Nullable BybitSigner signer, BybitRestConfig config) {
        this(base, signer, config, Clock.systemUTC(), RateLimitGate.Sleeper.THREAD);
    }

    BybitRestClient(URI base, @Nullable BybitSigner signer, BybitRestConfig config, Clock localClock,
            RateLimitGate.Sleeper sleeper) {
        this.clock = new ServerClock(requireNonNull(localClock, "localClock"));
        this.transport = new BybitTransport(base, signer, config, clock, sleeper);
        this.category = config.category();
    }

    /** Measures the clock offset against {@code /v5/market/time}; call once before signed calls. */
    public void syncTime() {
        transport.syncTime();
    }

    public long clockOffsetMillis() {
        return clock.offsetMillis();
    }

    /** Bybit's time as of the last sync, for whatever else signs timestamps (the private stream's auth). */
    public Clock serverClock() {
        return clock;
    }

    /** True after an HTTP 403: nothing more is sent. */
    public boolean isHalted() {
        return transport.isHalted();
    }

    public OrderAck createOrder(OrderRequest order) {
        ObjectNode body = BybitTransport.JSON.createObjectNode()
                .put("category", category)
                .put("symbol", order.symbol())
                .put("side", BybitWire.wire(order.side()))
                .put("orderType", order.type().wire())
                .put("qty", order.quantity().toPlainString());
        if (order.price() != null) {
            body.put("price", order.price().toPlainString());
        }
        if (category.equals("spot") && order.type() == OrderRequest.OrderType.MARKET) {
            // A spot market buy's qty is in the quote coin unless told otherwise; ours is always base.
            body.put("marketUnit", "baseCoin");
        }
        body.put("timeInForce", order.timeInForce().wire()).put("orderLinkId", order.orderLinkId());
        try {
            JsonNode result = transport.post("/v5/order/create", body);
            return new OrderAck(BybitWire.text(result, "orderId"), order.orderLinkId(), false);
        } catch (BybitException.DuplicateOrderLinkId duplicate) {
            BybitOrderUpdate placed = order(order.symbol(), order.orderLinkId()).orElseThrow(() -> duplicate);
            return new OrderAck(placed.orderId(), placed.orderLinkId(), true);
        }
    }

    /** False when Bybit no longer has the order open (unknown, filled or cancelled already). */
    public boolean cancelOrder(String symbol, String orderLinkId) {
        ObjectNode body = BybitTransport.JSON.createObjectNode()
                .put("category", category).put("symbol", symbol).put("orderLinkId", orderLinkId);
        try {
            transport.post("/v5/order/cancel", body);
            return true;
        } catch (BybitException.OrderNotFound e) {
            return false;
        }
    }

    /** The order's current state from {@code GET /v5/order/realtime} (open or recently done). */
    public Optional<BybitOrderUpdate> order(String symbol, String orderLinkId) {
        JsonNode list = transport.get("/v5/order/realtime",
                query("symbol", symbol, "orderLinkId", orderLinkId), true).path("list");
        return list.isEmpty() ? Optional.empty() : Optional.of(BybitWire.orderUpdate(list.get(0)));
    }

    /** Open orders of {@code symbol} ({@code /v5/order/realtime} with openOnly=0). */
    public List<BybitOrderUpdate> openOrders(String symbol) {
        List<BybitOrderUpdate> orders = new ArrayList<>();
        transport.get("/v5/order/realtime", query("symbol", symbol, "openOnly", "0"), true).path("list")
                .forEach(order -> orders.add(BybitWire.orderUpdate(order)));
        return orders;
    }

    public BookEvent.Snapshot orderBook(String symbol, int depth) {
        if (depth < 1 || depth > 1000) {
            throw new IllegalArgumentException("depth: " + depth + " (expected: 1..1000)");
        }
        return BybitRestRecords.orderBook(transport.get("/v5/market/orderbook",
                query("symbol", symbol, "limit", Integer.toString(depth)), false));
    }

    public BybitTicker ticker(String symbol) {
        JsonNode list = transport.get("/v5/market/tickers", query("symbol", symbol), false).path("list");
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no ticker for " + category + " " + symbol);
        }
        return BybitRestRecords.ticker(list.get(0));
    }

    public List<BybitTrade> recentTrades(String symbol, int limit) {
        List<BybitTrade> trades = new ArrayList<>();
        transport.get("/v5/market/recent-trade", query("symbol", symbol, "limit", Integer.toString(limit)), false)
                .path("list").forEach(trade -> trades.add(BybitRestRecords.trade(trade)));
        return trades;
    }

    /** The last {@code limit} bars of {@code interval} ("1", "5", "60", "D", …), oldest first. */
    public List<Bar> klines(String symbol, String interval, int limit) {
        List<Bar> bars = new ArrayList<>();
        transport.get("/v5/market/kline",
                        query("symbol", symbol, "interval", interval, "limit", Integer.toString(limit)), false)
                .path("list").forEach(row -> bars.add(0, BybitRestRecords.kline(row)));
        return bars;
    }

    public InstrumentRules instrument(String symbol) {
        JsonNode list = transport.get("/v5/market/instruments-info", query("symbol", symbol), false).path("list");
        if (list.isEmpty()) {
            throw new IllegalArgumentException("unknown " + category + " symbol: " + symbol);
        }
        return BybitRestRecords.instrument(list.get(0));
    }

    private Map<String, String> query(String... keysAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("category", category);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            query.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return query;
    }
}
