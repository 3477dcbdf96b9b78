package dev.slipstream.execution.venue;

import dev.slipstream.execution.order.Side;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Price levels of both sides with exact decimal prices and sizes; a taker order walks and consumes them. */
public final class OrderBook {

    /** What a taker order got: the quantity filled, its notional and how many levels it touched. */
    public record TakerFill(BigDecimal quantity, BigDecimal notional, int levels) {}

    private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();

    public void clear() {
        bids.clear();
        asks.clear();
    }

    /** Sets a level; size zero deletes it (Bybit v5 orderbook delta semantics). */
    public void setBid(BigDecimal price, BigDecimal size) {
        set(bids, price, size);
    }

    public void setAsk(BigDecimal price, BigDecimal size) {
        set(asks, price, size);
    }

    private static void set(NavigableMap<BigDecimal, BigDecimal> side, BigDecimal price, BigDecimal size) {
        if (size.signum() == 0) {
            side.remove(price);
        } else {
            side.put(price, size);
        }
    }

    public Map.Entry<BigDecimal, BigDecimal> bestBid() {
        return bids.firstEntry();
    }

    public Map.Entry<BigDecimal, BigDecimal> bestAsk() {
        return asks.firstEntry();
    }

    /** Size resting at {@code price} on the bid ({@code BUY}) or ask ({@code SELL}) side; zero when no level. */
    public BigDecimal sizeAt(Side side, BigDecimal price) {
        return (side == Side.BUY ? bids : asks).getOrDefault(price, BigDecimal.ZERO);
    }

    /** A copy of one side's levels, best first: bids ({@code BUY}) high to low, asks ({@code SELL}) low to high. */
    public NavigableMap<BigDecimal, BigDecimal> levels(Side side) {
        return new TreeMap<>(side == Side.BUY ? bids : asks);
    }

    public boolean isEmpty() {
        return bids.isEmpty() || asks.isEmpty();
    }

    public int depth(Side side) {
        return (side == Side.BUY ? bids : asks).size();
    }

    /**
     * A market order of {@code quantity}: a buy takes asks from the best up, a sell takes bids from the best down,
     * consuming what it takes; whatever the book cannot fill stays unfilled.
     */
    public TakerFill take(Side side, BigDecimal quantity) {
        NavigableMap<BigDecimal, BigDecimal> opposite = side == Side.BUY ? asks : bids;
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        int levels = 0;
        Iterator<Map.Entry<BigDecimal, BigDecimal>> it = opposite.entrySet().iterator();
        while (it.hasNext() && filled.compareTo(quantity) < 0) {
            Map.Entry<BigDecimal, BigDecimal> level = it.next();
            BigDecimal taken = level.getValue().min(quantity.subtract(filled));
            filled = filled.add(taken);
            notional = notional.add(taken.multiply(level.getKey()));
            levels++;
            if (taken.compareTo(level.getValue()) == 0) {
                it.remove();
            } else {
                level.setValue(level.getValue().subtract(taken));
            }
        }
        return new TakerFill(filled, notional, levels);
    }
}
