package dev.slipstream.execution.venue.bybit;

import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.venue.Venue;
import org.jspecify.annotations.Nullable;

/**
 * A venue fed by live market data: its listeners hear a market snapshot on each {@link #tick()}, the cadence at
 * which the execution engine decides, and fills whenever they happen — all on one {@link VenueEvents} thread.
 */
public interface LiveVenue extends Venue, AutoCloseable {

    /** The rules every child is rounded to, as the engine must size them. */
    Instrument instrument();

    /** Publishes the current market to the listeners (on the event thread) and returns once they have run. */
    void tick();

    /** Why the venue stopped accepting orders, or null while it trades. */
    @Nullable String haltReason();

    @Override
    void close();
}
