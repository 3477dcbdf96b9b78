package dev.slipstream.execution.venue.bybit.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The matching core of the fake Bybit: per symbol a book of outside liquidity, our orders keyed by orderLinkId
 * (unique, as on Bybit), market and limit orders walking that book level by level (one execution per level),
 * PostOnly orders that would cross cancelled with {@code EC_PostOnlyWillTakeLiquidity}, resting orders filled by
 * scripted public trades. Orders and executions are v5 JSON objects, as {@code /v5/order/realtime} and the private
 * {@code order}/{@code execution} topics carry them; listeners (the private stream fake) hear every change.
 */
public final class FakeBybitExchange {

    /**
     * Hears every order change and every execution, in order, as v5 JSON objects; and, for the public stream,
     * every public trade and every change of a book (its top 50 levels, as {@code /v5/market/orderbook} shows it).
     */
    public interface Listener {
        void onOrder(ObjectNode order);

        void onExecution(ObjectNode execution);

        default void onPublicTrade(String symbol, ObjectNode trade) {}

        default void onBook(String symbol, ObjectNode book) {}
    }

    /** A refusal with a v5 retCode. */
    public static final class Refusal extends RuntimeException {
        final int retCode;

        Refusal(int retCode, String message) {
            super(message);
            this.retCode = retCode;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String CATEGORY = "linear";

    private final Map<String, Market> markets = new LinkedHashMap<>();
    private final Map<String, ObjectNode> ordersByLinkId = new LinkedHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final LongSupplier clock;

    private static final class Market {
        final ObjectNode rules;
        final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
        final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        final List<ObjectNode> trades = new ArrayList<>();
        long updateId;

        Market(ObjectNode rules) {
            this.rules = rules;
        }
    }

    /** {@code clock} is the exchange's time in epoch ms. */
    public FakeBybitExchange(LongSupplier clock) {
        this.clock = clock;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Lists a linear instrument with its v5 instruments-info rules. */
    public synchronized void list(String symbol, String tickSize, String qtyStep, String minOrderQty,
            String minNotional) {
        ObjectNode rules = JSON.createObjectNode().put("symbol", symbol).put("contractType", "LinearPerpetual")
                .put("status", "Trading");
        rules.putObject("priceFilter").put("tickSize", tickSize);
        rules.putObject("lotSizeFilter").put("qtyStep", qtyStep).put("minOrderQty", minOrderQty)
                .put("maxOrderQty", "1000000").put("maxMktOrderQty", "100").put("minNotionalValue", minNotional);
        markets.put(symbol, new Market(rules));
    }

    /** Replaces one side's levels: {@code levels} is price, size, price, size… */
    public synchronized void setBids(String symbol, String... levels) {
        set(market(symbol).bids, levels);
        bookChanged(symbol);
    }

    public synchronized void setAsks(String symbol, String... levels) {
        set(market(symbol).asks, levels);
        bookChanged(symbol);
    }

    private void bookChanged(String symbol) {
        market(symbol).updateId++;
        ObjectNode book = orderBook(symbol, 50);
        listeners.forEach(listener -> listener.onBook(symbol, book.deepCopy()));
    }

    private static void set(NavigableMap<BigDecimal, BigDecimal> side, String... levels) {
        side.clear();
        for (int i = 0; i < levels.length; i += 2) {
            side.put(new BigDecimal(levels[i]), new BigDecimal(levels[i + 1]));
        }
    }

    /** How many orders were ever accepted (whatever became of them). */
    public synchronized int ordersAccepted() {
        return ordersByLinkId.size();
    }

    public long now() {
        return clock.getAsLong();
    }

    synchronized ObjectNode rules(String symbol) {
        return market(symbol).rules;
    }

    synchronized ObjectNode create(ObjectNode request) {
        String symbol = required(request, "symbol");
        Market market = market(symbol);
        String linkId = required(request, "orderLinkId");
        if (ordersByLinkId.containsKey(linkId)) {
            throw new Refusal(110072, "OrderLinkedID is duplicate");
        }
        String side = required(request, "side");
        String type = required(request, "orderType");
        BigDecimal qty = new BigDecimal(required(request, "qty"));
        BigDecimal step = new BigDecimal(market.rules.path("lotSizeFilter").path("qtyStep").asText());
        if (qty.remainder(step).signum() != 0 || qty.signum() <= 0) {
            throw new Refusal(10001, "Qty invalid: " + qty.toPlainString());
        }
        String tif = request.path("timeInForce").asText("GTC");
        ObjectNode order = JSON.createObjectNode().put("orderId", "fake-" + ids.incrementAndGet())
                .put("orderLinkId", linkId).put("symbol", symbol).put("side", side).put("orderType", type)
                .put("price", request.path("price").asText("0")).put("qty", qty.toPlainString())
                .put("timeInForce", tif).put("orderStatus", "New").put("cumExecQty", "0").put("cumExecValue", "0")
                .put("leavesQty", qty.toPlainString()).put("avgPrice", "").put("rejectReason", "EC_NoError")
                .put("category", CATEGORY).put("createdTime", Long.toString(now()))
                .put("updatedTime", Long.toString(now()));
        ordersByLinkId.put(linkId, order);
        boolean buy = side.equals("Buy");
        NavigableMap<BigDecimal, BigDecimal> opposite = buy ? market.asks : market.bids;
        BigDecimal limit = type.equals("Market") ? null : new BigDecimal(required(request, "price"));
        boolean crosses = !opposite.isEmpty() && (limit == null
                || (buy ? limit.compareTo(opposite.firstKey()) >= 0 : limit.compareTo(opposite.firstKey()) <= 0));
        if (tif.equals("PostOnly") && crosses) {
            order.put("orderStatus", "Cancelled").put("rejectReason", "EC_PostOnlyWillTakeLiquidity")
                    .put("leavesQty", "0");
            publish(order);
            return order;
        }
        publish(order);
        takeLiquidity(market, order, opposite, limit, buy);
        BigDecimal leaves = new BigDecimal(order.path("leavesQty").asText());
        if (leaves.signum() > 0 && (limit == null || !tif.equals("GTC"))) {
            boolean none = new BigDecimal(order.path("cumExecQty").asText()).signum() == 0;
            order.put("orderStatus", none ? "Cancelled" : "PartiallyFilledCanceled").put("leavesQty", "0");
            touch(order);
            publish(order);
        }
        return order;
    }

    private void takeLiquidity(Market market, ObjectNode order, NavigableMap<BigDecimal, BigDecimal> opposite,
            BigDecimal limit, boolean buy) {
        Iterator<Map.Entry<BigDecimal, BigDecimal>> levels = opposite.entrySet().iterator();
        while (levels.hasNext()) {
            BigDecimal leaves = new BigDecimal(order.path("leavesQty").asText());
            if (leaves.signum() == 0) {
                return;
            }
            Map.Entry<BigDecimal, BigDecimal> level = levels.next();
            if (limit != null && (buy ? level.getKey().compareTo(limit) > 0 : level.getKey().compareTo(limit) < 0)) {
                return;
            }
            BigDecimal taken = level.getValue().min(leaves);
            if (taken.compareTo(level.getValue()) == 0) {
                levels.remove();
            } else {
                level.setValue(level.getValue().subtract(taken));
            }
            execute(order, taken, level.getKey(), false);
            bookChanged(market.rules.path("symbol").asText());
        }
    }

    /** A public trade of {@code size} at {@code price}, {@code takerSide} the taker; fills resting orders reached. */
    public synchronized void trade(String symbol, String takerSide, String price, String size) {
        BigDecimal tradePrice = new BigDecimal(price);
        BigDecimal left = new BigDecimal(size);
        for (ObjectNode order : ordersByLinkId.values()) {
            boolean open = order.path("orderStatus").asText().matches("New|PartiallyFilled");
            if (!open || !order.path("symbol").asText().equals(symbol) || order.path("side").asText().equals(takerSide)
                    || left.signum() == 0) {
                continue;
            }
            BigDecimal orderPrice = new BigDecimal(order.path("price").asText());
            boolean reached = order.path("side").asText().equals("Buy") ? tradePrice.compareTo(orderPrice) <= 0
                    : tradePrice.compareTo(orderPrice) >= 0;
            if (reached) {
                BigDecimal filled = left.min(new BigDecimal(order.path("leavesQty").asText()));
                left = left.subtract(filled);
                execute(order, filled, orderPrice, true);
            }
        }
        ObjectNode trade = JSON.createObjectNode().put("execId", "t-" + ids.incrementAndGet())
                .put("symbol", symbol).put("price", price).put("size", size).put("side", takerSide)
                .put("time", Long.toString(now())).put("isBlockTrade", false);
        market(symbol).trades.add(0, trade);
        listeners.forEach(listener -> listener.onPublicTrade(symbol, trade.deepCopy()));
    }

    private void execute(ObjectNode order, BigDecimal qty, BigDecimal price, boolean maker) {
        BigDecimal cum = new BigDecimal(order.path("cumExecQty").asText()).add(qty);
        BigDecimal value = new BigDecimal(order.path("cumExecValue").asText()).add(qty.multiply(price));
        BigDecimal leaves = new BigDecimal(order.path("leavesQty").asText()).subtract(qty);
        order.put("cumExecQty", cum.toPlainString()).put("cumExecValue", value.toPlainString())
                .put("leavesQty", leaves.toPlainString())
                .put("avgPrice", value.divide(cum, MathContext.DECIMAL64).toPlainString())
                .put("orderStatus", leaves.signum() == 0 ? "Filled" : "PartiallyFilled");
        touch(order);
        ObjectNode execution = JSON.createObjectNode().put("category", CATEGORY)
                .put("symbol", order.path("symbol").asText()).put("execId", "x-" + ids.incrementAndGet())
                .put("execPrice", price.toPlainString()).put("execQty", qty.toPlainString())
                .put("execValue", qty.multiply(price).toPlainString()).put("execType", "Trade")
                .put("orderId", order.path("orderId").asText()).put("orderLinkId", order.path("orderLinkId").asText())
                .put("side", order.path("side").asText()).put("orderPrice", order.path("price").asText())
                .put("orderQty", order.path("qty").asText()).put("leavesQty", leaves.toPlainString())
                .put("isMaker", maker).put("execTime", Long.toString(now()));
        listeners.forEach(listener -> listener.onExecution(execution.deepCopy()));
        publish(order);
    }

    synchronized ObjectNode cancel(ObjectNode request) {
        ObjectNode order = ordersByLinkId.get(required(request, "orderLinkId"));
        if (order == null || !order.path("orderStatus").asText().matches("New|PartiallyFilled")) {
            throw new Refusal(110001, "order not exists or too late to cancel");
        }
        boolean none = new BigDecimal(order.path("cumExecQty").asText()).signum() == 0;
        order.put("orderStatus", none ? "Cancelled" : "PartiallyFilledCanceled").put("leavesQty", "0");
        touch(order);
        publish(order);
        return order;
    }

    /** Orders of {@code symbol}: one by orderLinkId, or all open ones. */
    synchronized List<ObjectNode> realtime(String symbol, String orderLinkId) {
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode order : ordersByLinkId.values()) {
            boolean matches = orderLinkId.isEmpty() ? order.path("orderStatus").asText().matches("New|PartiallyFilled")
                    : order.path("orderLinkId").asText().equals(orderLinkId);
            if (order.path("symbol").asText().equals(symbol) && matches) {
                found.add(order.deepCopy());
            }
        }
        return found;
    }

    synchronized ObjectNode orderBook(String symbol, int limit) {
        Market market = market(symbol);
        ObjectNode book = JSON.createObjectNode().put("s", symbol);
        levels(book.putArray("b"), market.bids, limit);
        levels(book.putArray("a"), market.asks, limit);
        return book.put("ts", now()).put("u", market.updateId).put("seq", market.updateId);
    }

    private static void levels(com.fasterxml.jackson.databind.node.ArrayNode out,
            NavigableMap<BigDecimal, BigDecimal> side, int limit) {
        side.entrySet().stream().limit(limit).forEach(level -> out.addArray()
                .add(level.getKey().toPlainString()).add(level.getValue().toPlainString()));
    }

    synchronized ObjectNode ticker(String symbol) {
        Market market = market(symbol);
        String bid = market.bids.isEmpty() ? "0" : market.bids.firstKey().toPlainString();
        String ask = market.asks.isEmpty() ? "0" : market.asks.firstKey().toPlainString();
        String last = market.trades.isEmpty() ? bid : market.trades.get(0).path("price").asText();
        return JSON.createObjectNode().put("symbol", symbol).put("bid1Price", bid).put("ask1Price", ask)
                .put("lastPrice", last).put("markPrice", last).put("fundingRate", "0.0001")
                .put("nextFundingTime", Long.toString(now() + 3_600_000)).put("openInterest", "12345.6")
                .put("volume24h", "98765.4").put("turnover24h", "123456789.0");
    }

    synchronized List<ObjectNode> recentTrades(String symbol, int limit) {
        return market(symbol).trades.stream().limit(limit).toList();
    }

    /** One-minute klines, newest first, around the current mid: a flat price with a small alternating move. */
    synchronized List<List<String>> klines(String symbol, int limit) {
        Market market = market(symbol);
        BigDecimal mid = market.bids.firstKey().add(market.asks.firstKey()).divide(BigDecimal.TWO);
        long minute = now() / 60_000 * 60_000;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            BigDecimal close = mid.multiply(BigDecimal.ONE.add(new BigDecimal(i % 2 == 0 ? "0.0005" : "-0.0005")));
            rows.add(List.of(Long.toString(minute - 60_000L * i), mid.toPlainString(), close.max(mid).toPlainString(),
                    close.min(mid).toPlainString(), close.toPlainString(), "1000", close.multiply(
                            new BigDecimal(1000)).toPlainString()));
        }
        return rows;
    }

    private void touch(ObjectNode order) {
        order.put("updatedTime", Long.toString(now()));
    }

    private void publish(ObjectNode order) {
        listeners.forEach(listener -> listener.onOrder(order.deepCopy()));
    }

    private Market market(String symbol) {
        Market market = markets.get(symbol);
        if (market == null) {
            throw new Refusal(10001, "params error: symbol invalid " + symbol);
        }
        return market;
    }

    private static String required(ObjectNode request, String field) {
        String value = request.path(field).asText("");
        if (value.isEmpty()) {
            throw new Refusal(10001, "params error: " + field + " is required");
        }
        return value;
    }
}
