package dev.slipstream.execution.bench;

import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.venue.BookEvent;
import dev.slipstream.execution.venue.BookReplayVenue;
import dev.slipstream.execution.venue.SimulatedClock;
import java.util.Arrays;
import java.util.List;

/**
 * Replays a parsed capture through {@link BookReplayVenue} again and again on one thread and reports the median
 * pass. A book update is one price level set by a snapshot or a depth message; trades are replayed too (they move
 * the volume window and resting orders) but not counted.
 */
public final class ReplayThroughput {

    /** The median pass of {@code passes} measured ones, after {@code warmUps} discarded. */
    public record Result(int events, long levelUpdates, long depthMessages, double medianSeconds) {

        public double levelUpdatesPerSecond() {
            return levelUpdates / medianSeconds;
        }

        public double depthMessagesPerSecond() {
            return depthMessages / medianSeconds;
        }
    }

    private ReplayThroughput() {}

    public static Result measure(List<BookEvent> events, Instrument instrument, int warmUps, int passes) {
        if (events.isEmpty() || passes < 1) {
            throw new IllegalArgumentException("events: " + events.size() + ", passes: " + passes
                    + " (expected: events and at least one pass)");
        }
        for (int i = 0; i < warmUps; i++) {
            replay(events, instrument);
        }
        long[] nanos = new long[passes];
        for (int i = 0; i < passes; i++) {
            long started = System.nanoTime();
            replay(events, instrument);
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        long levels = 0;
        long depthMessages = 0;
        for (BookEvent event : events) {
            switch (event) {
                case BookEvent.Snapshot snapshot -> levels += snapshot.bids().size() + snapshot.asks().size();
                case BookEvent.Depth depth -> {
                    levels += depth.bids().size() + depth.asks().size();
                    depthMessages++;
                }
                case BookEvent.Trade trade -> { }
            }
        }
        return new Result(events.size(), levels, depthMessages, nanos[passes / 2] / 1e9);
    }

    private static void replay(List<BookEvent> events, Instrument instrument) {
        var venue = new BookReplayVenue(events, instrument, new SimulatedClock(events.getFirst().time()));
        while (venue.advance()) {
            // each call applies one recorded event
        }
    }
}
