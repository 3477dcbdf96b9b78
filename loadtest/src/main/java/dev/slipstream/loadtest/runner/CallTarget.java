package dev.slipstream.loadtest.runner;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/** Something the engine calls: one gRPC method or one HTTP endpoint. Implementations never complete exceptionally. */
public interface CallTarget extends AutoCloseable {
    /**
     * How one call ended.
     *
     * @param status the gRPC status code name ({@code OK}, {@code UNAVAILABLE}…) or, over HTTP, the status code
     * @param error the error as ghz shows it in its error distribution; null when the call succeeded
     */
    record Outcome(String status, @Nullable String error) {
        public static final Outcome OK = new Outcome("OK", null);

        public boolean ok() {
            return error == null;
        }
    }

    /** Starts call number {@code requestNumber} (0-based) for worker {@code workerId}. */
    CompletableFuture<Outcome> call(long requestNumber, int workerId);

    @Override
    void close();
}
