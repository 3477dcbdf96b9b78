package dev.slipstream.execution.venue.bybit;

/** Bybit's private WebSocket: authenticates and subscribes to {@code order} and {@code execution}. */
public interface BybitPrivateStream extends AutoCloseable {

    void start(PrivateStreamListener listener);

    @Override
    void close();
}
