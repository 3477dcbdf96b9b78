package dev.slipstream.execution.venue.bybit;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.order.ChildOrder;
import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.venue.BookEvent;
import dev.slipstream.execution.venue.BookReplayVenue;
import dev.slipstream.execution.venue.Fill;
import dev.slipstream.execution.venue.MarketSnapshot;
import dev.slipstream.execution.venue.OrderBook;
import dev.slipstream.execution.venue.OrderStatus;
import dev.slipstream.execution.venue.SimulatedClock;
import dev.slipstream.execution.venue.VenueListener;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Paper trading on live Bybit data: the public stream's book and trades drive the same fill simulation as the L2
 * replay ({@link BookReplayVenue}: market orders walk the book, post-only limits queue behind the size at their
 * price and fill on trades), so nothing is ever sent to Bybit and no key is needed.
 */
public final class PaperVenue implements LiveVenue, PublicStreamListener {

    private final Instrument instrument;
    private final VenueEvents events;
    private final SimulatedClock clock;
    private final BookReplayVenue simulator;
    private final List<VenueListener> listeners = new CopyOnWriteArrayList<>();
    private Instant lastEventTime;
    private long books;

    public PaperVenue(Instrument instrument, VenueEvents events, Instant start) {
        this.instrument = requireNonNull(instrument, "instrument");
        this.events = requireNonNull(events, "events");
        this.clock = new SimulatedClock(start);
        this.lastEventTime = start;
        this.simulator = new BookReplayVenue(List.of(), instrument, clock);
        simulator.subscribe(new VenueListener() {
            @Override
            public void onMarketData(MarketSnapshot snapshot) {
                // Snapshots go out on tick(), at the engine's cadence, not on every book message.
            }

            @Override
            public void onFill(Fill fill) {
                listeners.forEach(listener -> listener.onFill(fill));
            }
        });
    }

    @Override
    public Instrument instrument() {
        return instrument;
    }

    @Override
    public void onBook(String symbol, OrderBook book, Instant time) {
        // Copied on the stream's thread: the book is only valid during this call.
        List<BookEvent.Level> bids = levels(book, Side.BUY);
        List<BookEvent.Level> asks = levels(book, Side.SELL);
        events.execute(() -> simulator.apply(new BookEvent.Snapshot(monotonic(time), ++books, bids, asks)));
    }

    private static List<BookEvent.Level> levels(OrderBook book, Side side) {
        return book.levels(side).entrySet().stream()
                .map(level -> new BookEvent.Level(level.getKey(), level.getValue())).toList();
    }

    @Override
    public void onTrade(BybitTrade trade) {
        events.execute(() -> simulator.apply(new BookEvent.Trade(monotonic(trade.time()), trade.price(),
                trade.size(), trade.takerSide())));
    }

    @Override
    public void onTicker(BybitTicker ticker) {
        // The book carries the touch.
    }

    /** Book and trade topics are not ordered against each other; the simulated clock only moves forward. */
    private Instant monotonic(Instant time) {
        lastEventTime = time.isAfter(lastEventTime) ? time : lastEventTime;
        return lastEventTime;
    }

    @Override
    public void tick() {
        events.call(() -> {
            if (simulator.hasBook()) {
                MarketSnapshot snapshot = simulator.current();
                listeners.forEach(listener -> listener.onMarketData(snapshot));
            }
            return null;
        });
    }

    @Override
    public OrderStatus place(ChildOrder order) {
        return simulator.place(order);
    }

    @Override
    public boolean cancel(String childId) {
        return simulator.cancel(childId);
    }

    @Override
    public Optional<OrderStatus> query(String childId) {
        return simulator.query(childId);
    }

    @Override
    public void subscribe(VenueListener listener) {
        listeners.add(requireNonNull(listener, "listener"));
    }

    @Override
    public @Nullable String haltReason() {
        return null;
    }

    @Override
    public void close() {
        // The stream and the event thread belong to whoever opened them.
    }
}
