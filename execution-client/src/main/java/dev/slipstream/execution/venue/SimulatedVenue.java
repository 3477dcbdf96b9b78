package dev.slipstream.execution.venue;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.impact.Impact;
import dev.slipstream.execution.impact.ImpactModel;
import dev.slipstream.execution.impact.MarketConditions;
import dev.slipstream.execution.order.ChildOrder;
import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays one-minute bars as market data and fills market orders against them. Replay alone would let our own
 * orders trade for free, so an impact overlay moves the price: each fill pays the touch plus the model's
 * temporary impact, and the permanent impact stays in every later price (EXECUTION.md, "Simulating fills").
 * Snapshots are published at each bar's close, with the clock moved there first, so a decision only sees what
 * had already traded.
 */
public final class SimulatedVenue implements Venue {

    /** Bars behind the rolling volatility and volume estimates. */
    static final int ESTIMATION_WINDOW = 60;
    private static final double MINUTES_PER_DAY = 1440;

    private final List<Bar> bars;
    private final Instrument instrument;
    private final ImpactModel impact;
    private final SpreadModel spread;
    private final SimulatedClock clock;
    private final List<VenueListener> listeners = new ArrayList<>();
    private final Map<String, OrderStatus> orders = new LinkedHashMap<>();
    private int next;
    private double permanentOffset;
    private MarketSnapshot current;

    public SimulatedVenue(List<Bar> bars, Instrument instrument, ImpactModel impact, SpreadModel spread,
            SimulatedClock clock) {
        if (bars.size() < 2) {
            throw new IllegalArgumentException("bars: " + bars.size() + " (expected: >= 2)");
        }
        this.bars = List.copyOf(bars);
        this.instrument = requireNonNull(instrument, "instrument");
        this.impact = requireNonNull(impact, "impact");
        this.spread = requireNonNull(spread, "spread");
        this.clock = requireNonNull(clock, "clock");
        this.current = snapshotAt(0);
    }

    /** Publishes the next bar; false when the replay is over. */
    public boolean advance() {
        if (next >= bars.size()) {
            return false;
        }
        current = snapshotAt(next++);
        clock.set(current.time());
        listeners.forEach(listener -> listener.onMarketData(current));
        return true;
    }

    public MarketSnapshot current() {
        return current;
    }

    @Override
    public OrderStatus place(ChildOrder order) {
        OrderStatus known = orders.get(order.id());
        if (known != null) {
            return known;
        }
        if (order.quantity().signum() <= 0 || !instrument.isLotMultiple(order.quantity())
                || order.limitPrice() != null) {
            return remember(new OrderStatus(order, OrderStatus.State.REJECTED, BigDecimal.ZERO, BigDecimal.ZERO));
        }
        double quantity = order.quantity().doubleValue();
        Impact cost = impact.estimate(quantity, conditions());
        int sign = order.side() == Side.BUY ? 1 : -1;
        double touch = order.side() == Side.BUY ? current.ask() : current.bid();
        BigDecimal price = instrument.roundToTick(touch + sign * cost.temporary());
        permanentOffset += sign * cost.permanent();
        OrderStatus filled = remember(new OrderStatus(order, OrderStatus.State.FILLED, order.quantity(), price));
        Fill fill = new Fill(order.id(), order.quantity(), price, current.time());
        listeners.forEach(listener -> listener.onFill(fill));
        return filled;
    }

    private OrderStatus remember(OrderStatus status) {
        orders.put(status.order().id(), status);
        return status;
    }

    @Override
    public boolean cancel(String childId) {
        // Market orders fill or are rejected on placement; nothing is ever left to cancel.
        return false;
    }

    @Override
    public Optional<OrderStatus> query(String childId) {
        return Optional.ofNullable(orders.get(childId));
    }

    @Override
    public void subscribe(VenueListener listener) {
        listeners.add(requireNonNull(listener, "listener"));
    }

    private MarketConditions conditions() {
        int end = Math.max(1, next);
        int from = Math.max(0, end - ESTIMATION_WINDOW);
        double volume = 0;
        for (int i = from; i < end; i++) {
            volume += bars.get(i).baseVolume();
        }
        double dailyVolume = volume / (end - from) * MINUTES_PER_DAY;
        return new MarketConditions(current.mid(), current.volatility() * Math.sqrt(MINUTES_PER_DAY), dailyVolume);
    }

    private MarketSnapshot snapshotAt(int index) {
        Bar bar = bars.get(index);
        double mid = bar.close() + permanentOffset;
        double half = mid * spread.halfSpreadBps(bar) / 1e4;
        Instant closeTime = bar.time().plus(Duration.ofMinutes(1));
        return new MarketSnapshot(closeTime, mid - half, mid + half, bar.baseVolume(), volatility(index));
    }

    /** Standard deviation of one-bar log returns of closes over the estimation window ending at {@code index}. */
    private double volatility(int index) {
        int from = Math.max(1, index - ESTIMATION_WINDOW + 1);
        int n = index - from + 1;
        if (n < 2) {
            return 0;
        }
        double sum = 0;
        double sumSquares = 0;
        for (int i = from; i <= index; i++) {
            double r = Math.log(bars.get(i).close() / bars.get(i - 1).close());
            sum += r;
            sumSquares += r * r;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
    }
}
