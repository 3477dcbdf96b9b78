package dev.slipstream.execution.venue.bybit.rest;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.order.Side;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One {@code POST /v5/order/create}. {@code orderLinkId} is required: it is the idempotency key that makes a retried
 * create safe (Bybit: at most 36 characters of {@code [A-Za-z0-9_-]}, unique per account).
 */
public record OrderRequest(
        String symbol, Side side, OrderType type, BigDecimal quantity, @Nullable BigDecimal price,
        TimeInForce timeInForce, String orderLinkId) {

    private static final Pattern ORDER_LINK_ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");

    /** Bybit's {@code orderType}. */
    public enum OrderType {
        MARKET("Market"), LIMIT("Limit");

        private final String wire;

        OrderType(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** Bybit's {@code timeInForce}; {@code POST_ONLY} is cancelled instead of taking liquidity. */
    public enum TimeInForce {
        GTC("GTC"), IOC("IOC"), FOK("FOK"), POST_ONLY("PostOnly");

        private final String wire;

        TimeInForce(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public OrderRequest {
        requireNonNull(symbol, "symbol");
        requireNonNull(side, "side");
        requireNonNull(type, "type");
        requireNonNull(quantity, "quantity");
        requireNonNull(timeInForce, "timeInForce");
        requireNonNull(orderLinkId, "orderLinkId");
        if (!ORDER_LINK_ID.matcher(orderLinkId).matches()) {
            throw new IllegalArgumentException("orderLinkId: " + orderLinkId + " (expected: 1-36 of [A-Za-z0-9_-])");
        }
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity: " + quantity.toPlainString() + " (expected: > 0)");
        }
        if (type == OrderType.LIMIT && (price == null || price.signum() <= 0)) {
            throw new IllegalArgumentException("price: " + price + " (expected: > 0 for a limit order)");
        }
        if (type == OrderType.MARKET && (price != null || timeInForce == TimeInForce.POST_ONLY)) {
            throw new IllegalArgumentException("a market order has no price and cannot be PostOnly");
        }
    }

    public static OrderRequest market(String symbol, Side side, BigDecimal quantity, String orderLinkId) {
        return new OrderRequest(symbol, side, OrderType.MARKET, quantity, null, TimeInForce.IOC, orderLinkId);
    }

    public static OrderRequest limit(String symbol, Side side, BigDecimal quantity, BigDecimal price,
            TimeInForce timeInForce, String orderLinkId) {
        return new OrderRequest(symbol, side, OrderType.LIMIT, quantity, price, timeInForce, orderLinkId);
    }
}
