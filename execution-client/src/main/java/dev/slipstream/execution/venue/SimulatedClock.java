package dev.slipstream.execution.venue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told to, so a backtest runs as fast as the machine allows. */
public final class SimulatedClock extends Clock {

    private Instant now;

    public SimulatedClock(Instant start) {
        this.now = start;
    }

    public void set(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("time: " + instant + " (expected: not before " + now + ")");
        }
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a simulated clock is always UTC");
    }
}
