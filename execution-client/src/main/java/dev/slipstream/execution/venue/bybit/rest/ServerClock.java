package dev.slipstream.execution.venue.bybit.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Bybit's time as this machine sees it: the local clock plus an offset measured against {@code /v5/market/time}
 * (half the round trip assumed each way), so signed timestamps land inside the server's recv window even when the
 * local clock is off. As a {@link Clock} it serves whatever else signs timestamps (the private stream's auth).
 */
final class ServerClock extends Clock {

    private final Clock local;
    private volatile long offsetMillis;

    ServerClock(Clock local) {
        this.local = local;
    }

    long localMillis() {
        return local.millis();
    }

    long nowMillis() {
        return local.millis() + offsetMillis;
    }

    long offsetMillis() {
        return offsetMillis;
    }

    /** A server reading taken between {@code sentAt} and {@code receivedAt} (local ms) resets the offset. */
    void observe(long serverMillis, long sentAt, long receivedAt) {
        offsetMillis = serverMillis - (sentAt + receivedAt) / 2;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(nowMillis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Bybit's clock is UTC");
    }
}
