package dev.slipstream.execution.venue;

import dev.slipstream.execution.order.ChildOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Passes everything to a simulated venue and remembers each order with the market it arrived in. */
public final class RecordingVenue implements Venue {

    public record Placed(ChildOrder order, MarketSnapshot market) {}

    private final SimulatedVenue venue;
    private final List<Placed> placed = new ArrayList<>();

    public RecordingVenue(SimulatedVenue venue) {
        this.venue = venue;
    }

    @Override
    public OrderStatus place(ChildOrder order) {
        placed.add(new Placed(order, venue.current()));
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
