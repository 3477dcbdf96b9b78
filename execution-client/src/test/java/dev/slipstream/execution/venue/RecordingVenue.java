package dev.slipstream.execution.venue;

import dev.slipstream.execution.order.ChildOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Passes everything to a venue and remembers each order with the market it arrived in. */
public final class RecordingVenue implements Venue {

    public record Placed(ChildOrder order, MarketSnapshot market) {}

    private final Venue venue;
    private final Supplier<MarketSnapshot> market;
    private final List<Placed> placed = new ArrayList<>();

    public RecordingVenue(Venue venue, Supplier<MarketSnapshot> market) {
        this.venue = venue;
        this.market = market;
    }

    @Override
    public OrderStatus place(ChildOrder order) {
        placed.add(new Placed(order, market.get()));
        return venue.place(order);
    }

    @Override
    public boolean cancel(String childId) {
        return venue.cancel(childId);
    }

    @Override
    public Optional<OrderStatus> query(String childId) {
        return venue.query(childId);
    }

    @Override
    public void subscribe(VenueListener listener) {
        venue.subscribe(listener);
    }

    public List<Placed> placed() {
        return List.copyOf(placed);
    }
}
