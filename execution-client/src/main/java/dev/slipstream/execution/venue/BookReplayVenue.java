package dev.slipstream.execution.venue;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.order.ChildOrder;
import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays recorded L2 depth and trades. Market orders walk the book and take what they consume (until a later
 * depth update rewrites those levels); whatever the book cannot fill is cancelled, as with IOC. Limit orders are
 * post-only: one that would cross is rejected (Bybit's EC_PostOnlyWillTakeLiquidity), one that rests joins its
 * level behind the size already there and fills by the conservative {@link PassiveOrderQueue}. Depth updates must
 * follow on from the snapshot; those that arrived before it are held and applied after it (Binance "How to manage a
 * local order book correctly").
 */
public final class BookReplayVenue implements Venue {

    private static final Duration VOLUME_WINDOW = Duration.ofMinutes(1);
    private static final int SECONDS_PER_MINUTE = 60;

    private final List<BookEvent> events;
    private final Instrument instrument;
    private final SimulatedClock clock;
    private final OrderBook book = new OrderBook();
    private final List<VenueListener> listeners = new ArrayList<>();
    private final Map<String, OrderStatus> orders = new LinkedHashMap<>();
    private final Map<String, PassiveOrderQueue> resting = new LinkedHashMap<>();
    private final List<BookEvent.Depth> beforeSnapshot = new ArrayList<>();
    private final Deque<BookEvent.Trade> lastMinuteTrades = new ArrayDeque<>();
    private final Deque<Double> secondReturns = new ArrayDeque<>();
    private double lastMinuteVolume;
    private long lastUpdateId = -1;
    private long lastSampledSecond = -1;
    private double lastSampledMid = Double.NaN;
    private int next;

    public BookReplayVenue(List<BookEvent> events, Instrument instrument, SimulatedClock clock) {
        this.events = List.copyOf(events);
        this.instrument = requireNonNull(instrument, "instrument");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Applies the next event; publishes a snapshot once the book is built. False when the replay is over. */
    public boolean advance() {
        if (next >= events.size()) {
            return false;
        }
        apply(events.get(next++));
        return true;
    }

    /**
     * Applies one event as it happens (a live feed rather than the replay list); publishes a snapshot once the book
     * is built. The clock moves to the event's time.
     */
    public void apply(BookEvent event) {
        clock.set(event.time());
        switch (event) {
            case BookEvent.Snapshot snapshot -> reset(snapshot);
            case BookEvent.Depth depth -> update(depth);
            case BookEvent.Trade trade -> trade(trade);
        }
        if (hasBook()) {
            sampleMid(event.time());
            MarketSnapshot snapshot = current();
            listeners.forEach(listener -> listener.onMarketData(snapshot));
        }
    }

    /** True once a snapshot has built the book. */
    public boolean hasBook() {
        return lastUpdateId >= 0 && !book.isEmpty();
    }

    private void reset(BookEvent.Snapshot snapshot) {
        book.clear();
        snapshot.bids().forEach(level -> book.setBid(level.price(), level.size()));
        snapshot.asks().forEach(level -> book.setAsk(level.price(), level.size()));
        lastUpdateId = snapshot.updateId();
        beforeSnapshot.forEach(this::update);
        beforeSnapshot.clear();
    }

    private void update(BookEvent.Depth depth) {
        if (lastUpdateId < 0) {
            beforeSnapshot.add(depth);
            return;
        }
        if (depth.lastId() <= lastUpdateId) {
            return;
        }
        if (depth.firstId() > lastUpdateId + 1) {
            throw new IllegalStateException("depth update " + depth.firstId() + ".." + depth.lastId()
                    + " (expected: to start at or before " + (lastUpdateId + 1) + "); fetch a new snapshot");
        }
        depth.bids().forEach(level -> book.setBid(level.price(), level.size()));
        depth.asks().forEach(level -> book.setAsk(level.price(), level.size()));
        lastUpdateId = depth.lastId();
    }

    private void trade(BookEvent.Trade trade) {
        if (lastUpdateId < 0) {
            return;
        }
        lastMinuteTrades.addLast(trade);
        lastMinuteVolume += trade.quantity().doubleValue();
        while (lastMinuteTrades.getFirst().time().isBefore(trade.time().minus(VOLUME_WINDOW))) {
            lastMinuteVolume -= lastMinuteTrades.removeFirst().quantity().doubleValue();
        }
        for (Map.Entry<String, PassiveOrderQueue> entry : List.copyOf(resting.entrySet())) {
            BigDecimal fill = entry.getValue().onTrade(trade.price(), trade.quantity(), trade.takerSide());
            if (fill.signum() > 0) {
                OrderStatus before = orders.get(entry.getKey());
                boolean done = entry.getValue().isFilled();
                if (done) {
                    resting.remove(entry.getKey());
                }
                BigDecimal price = before.order().limitPrice();
                record(before.order(), done ? OrderStatus.State.FILLED : OrderStatus.State.PARTIALLY_FILLED,
                        before.filledQuantity().add(fill), price);
                publish(new Fill(entry.getKey(), fill, price, trade.time()));
            }
        }
    }

    /** The touch, the base volume traded in the last minute and the one-minute volatility of the mid. */
    public MarketSnapshot current() {
        return new MarketSnapshot(clock.instant(), book.bestBid().getKey().doubleValue(),
                book.bestAsk().getKey().doubleValue(), lastMinuteVolume, minuteVolatility());
    }

    /** One mid a second; the log returns of the last minute of seconds give the volatility. */
    private void sampleMid(Instant now) {
        long second = now.getEpochSecond();
        if (second == lastSampledSecond) {
            return;
        }
        double mid = 0.5 * (book.bestBid().getKey().doubleValue() + book.bestAsk().getKey().doubleValue());
        if (!Double.isNaN(lastSampledMid)) {
            secondReturns.addLast(Math.log(mid / lastSampledMid));
            if (secondReturns.size() > SECONDS_PER_MINUTE) {
                secondReturns.removeFirst();
            }
        }
        lastSampledSecond = second;
        lastSampledMid = mid;
    }

    /** Standard deviation of one-second returns scaled by √60 to a minute, the unit the limits use. */
    private double minuteVolatility() {
        int n = secondReturns.size();
        if (n < 2) {
            return 0;
        }
        double mean = secondReturns.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double variance = secondReturns.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / (n - 1);
        return Math.sqrt(variance * SECONDS_PER_MINUTE);
    }

    @Override
    public OrderStatus place(ChildOrder order) {
        OrderStatus known = orders.get(order.id());
        if (known != null) {
            return known;
        }
        if (lastUpdateId < 0 || order.quantity().signum() <= 0 || !instrument.isLotMultiple(order.quantity())) {
            return record(order, OrderStatus.State.REJECTED, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        return order.limitPrice() == null ? take(order) : rest(order, order.limitPrice());
    }

    private OrderStatus take(ChildOrder order) {
        OrderBook.TakerFill fill = book.take(order.side(), order.quantity());
        if (fill.quantity().signum() == 0) {
            return record(order, OrderStatus.State.CANCELLED, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        BigDecimal average = fill.notional().divide(fill.quantity(), MathContext.DECIMAL64);
        boolean complete = fill.quantity().compareTo(order.quantity()) == 0;
        OrderStatus status = record(order, complete ? OrderStatus.State.FILLED : OrderStatus.State.CANCELLED,
                fill.quantity(), average);
        publish(new Fill(order.id(), fill.quantity(), average, clock.instant()));
        return status;
    }

    private OrderStatus rest(ChildOrder order, BigDecimal price) {
        boolean crosses = order.side() == Side.BUY ? price.compareTo(book.bestAsk().getKey()) >= 0
                : price.compareTo(book.bestBid().getKey()) <= 0;
        if (crosses) {
            return record(order, OrderStatus.State.REJECTED, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        resting.put(order.id(), new PassiveOrderQueue(order.side(), price, order.quantity(),
                book.sizeAt(order.side(), price)));
        return record(order, OrderStatus.State.NEW, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private OrderStatus record(ChildOrder order, OrderStatus.State state, BigDecimal filled, BigDecimal price) {
        OrderStatus status = new OrderStatus(order, state, filled, price);
        orders.put(order.id(), status);
        return status;
    }

    private void publish(Fill fill) {
        listeners.forEach(listener -> listener.onFill(fill));
    }

    @Override
    public boolean cancel(String childId) {
        if (resting.remove(childId) == null) {
            return false;
        }
        OrderStatus status = orders.get(childId);
        record(status.order(), OrderStatus.State.CANCELLED, status.filledQuantity(), status.averagePrice());
        return true;
    }

    @Override
    public Optional<OrderStatus> query(String childId) {
        return Optional.ofNullable(orders.get(childId));
    }

    @Override
    public void subscribe(VenueListener listener) {
        listeners.add(requireNonNull(listener, "listener"));
    }
}
