package dev.slipstream.execution.venue.bybit.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.venue.bybit.BybitExecution;
import dev.slipstream.execution.venue.bybit.BybitOrderUpdate;
import dev.slipstream.execution.venue.bybit.BybitTrade;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.jspecify.annotations.Nullable;

/**
 * The JSON Bybit v5 streams send, shaped as on the v5 "Connect" page and the topic pages (Orderbook, Trade, Ticker,
 * Order, Execution): field names, string-typed decimals and millisecond times as there.
 */
final class FakeBybitMessages {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FakeBybitMessages() {}

    static String json(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode parse(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object: " + text, e);
        }
    }

    /** An operation's acknowledgement; the public stream echoes the op's name in ret_msg when it succeeds. */
    static String ack(String op, boolean success, String retMsg, String reqId, String connId) {
        ObjectNode ack = MAPPER.createObjectNode().put("success", success).put("ret_msg", retMsg)
                .put("conn_id", connId);
        if (!reqId.isEmpty()) {
            ack.put("req_id", reqId);
        }
        return json(ack.put("op", op));
    }

    static String publicPong(String reqId, String connId) {
        return ack("ping", true, "pong", reqId, connId);
    }

    static String privatePong(String reqId, String connId, long nowMillis) {
        ObjectNode pong = MAPPER.createObjectNode().put("req_id", reqId).put("op", "pong");
        pong.putArray("args").add(Long.toString(nowMillis));
        return json(pong.put("conn_id", connId));
    }

    static String book(String topic, String type, long ts, String symbol, NavigableMap<BigDecimal, BigDecimal> bids,
            NavigableMap<BigDecimal, BigDecimal> asks, long updateId, long seq) {
        ObjectNode message = MAPPER.createObjectNode().put("topic", topic).put("type", type).put("ts", ts);
        ObjectNode data = message.putObject("data").put("s", symbol);
        levels(data.putArray("b"), bids);
        levels(data.putArray("a"), asks);
        data.put("u", updateId).put("seq", seq);
        return json(message.put("cts", ts - 2));
    }

    private static void levels(ArrayNode array, Map<BigDecimal, BigDecimal> levels) {
        levels.forEach((price, size) -> array.addArray().add(price.toPlainString()).add(size.toPlainString()));
    }

    static String trades(String symbol, long ts, List<BybitTrade> trades, long firstSeq) {
        ObjectNode message = MAPPER.createObjectNode().put("topic", "publicTrade." + symbol).put("type", "snapshot")
                .put("ts", ts);
        ArrayNode data = message.putArray("data");
        long seq = firstSeq;
        for (BybitTrade trade : trades) {
            data.addObject().put("T", trade.time().toEpochMilli()).put("s", trade.symbol())
                    .put("S", side(trade.takerSide())).put("v", trade.size().toPlainString())
                    .put("p", trade.price().toPlainString()).put("L", "PlusTick").put("i", trade.tradeId())
                    .put("BT", false).put("seq", seq++);
        }
        return json(message);
    }

    static String ticker(String symbol, String type, long ts, Map<String, String> fields, long crossSequence) {
        ObjectNode message = MAPPER.createObjectNode().put("topic", "tickers." + symbol).put("type", type);
        ObjectNode data = message.putObject("data").put("symbol", symbol);
        fields.forEach(data::put);
        return json(message.put("cs", crossSequence).put("ts", ts));
    }

    static String order(BybitOrderUpdate order, FakeBybitStreams.@Nullable OrderTerms terms, long creationTime) {
        ObjectNode message = privateMessage("order", creationTime);
        ObjectNode item = message.putArray("data").addObject();
        if (terms != null) {
            item.put("side", side(terms.side())).put("orderType", terms.orderType())
                    .put("price", terms.price().toPlainString()).put("timeInForce", terms.timeInForce());
        }
        item
                .put("category", "linear").put("orderId", order.orderId()).put("orderLinkId", order.orderLinkId())
                .put("isLeverage", "").put("blockTradeId", "").put("symbol", order.symbol())
                .put("qty", order.quantity().toPlainString()).put("positionIdx", 0)
                .put("orderStatus", order.state().wire()).put("createType", "CreateByUser")
                .put("cancelType", "UNKNOWN").put("rejectReason", order.rejectReason())
                .put("avgPrice", order.avgPrice().signum() == 0 ? "" : order.avgPrice().toPlainString())
                .put("leavesQty", order.leavesQty().toPlainString())
                .put("cumExecQty", order.cumExecQty().toPlainString())
                .put("cumExecValue", order.cumExecQty().multiply(order.avgPrice()).toPlainString())
                .put("cumExecFee", "0").put("reduceOnly", false).put("closeOnTrigger", false)
                .put("createdTime", Long.toString(order.updatedTime().toEpochMilli()))
                .put("updatedTime", Long.toString(order.updatedTime().toEpochMilli()))
                .put("smpType", "None").put("smpGroup", 0).put("smpOrderId", "").put("feeCurrency", "");
        return json(message);
    }

    static String execution(BybitExecution execution, long creationTime, long seq) {
        ObjectNode message = privateMessage("execution", creationTime);
        BigDecimal value = execution.execQty().multiply(execution.execPrice());
        message.putArray("data").addObject()
                .put("category", "linear").put("symbol", execution.symbol()).put("isLeverage", "0")
                .put("orderId", execution.orderId()).put("orderLinkId", execution.orderLinkId())
                .put("side", side(execution.side())).put("createType", "CreateByUser").put("execFee", "0")
                .put("execId", execution.execId()).put("execPrice", execution.execPrice().toPlainString())
                .put("execQty", execution.execQty().toPlainString()).put("execType", "Trade")
                .put("execValue", value.toPlainString()).put("feeRate", "0.00055")
                .put("execTime", Long.toString(execution.execTime().toEpochMilli()))
                .put("isMaker", execution.maker()).put("seq", seq).put("execPnl", "0");
        return json(message);
    }

    private static ObjectNode privateMessage(String topic, long creationTime) {
        return MAPPER.createObjectNode().put("id", topic + "-" + creationTime).put("topic", topic)
                .put("creationTime", creationTime);
    }

    private static String side(Side side) {
        return side == Side.BUY ? "Buy" : "Sell";
    }
}
