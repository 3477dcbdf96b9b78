package dev.slipstream.execution.venue.bybit.stream;

/** A Bybit stream could not start: the connection, the auth or the subscription failed. */
public final class BybitStreamException extends RuntimeException {

    public BybitStreamException(String message) {
        super(message);
    }
}
