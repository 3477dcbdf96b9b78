package dev.slipstream.execution.venue.bybit;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread on which a live venue talks to its listeners. Streams call back on their own threads and the
 * market clock on another; the execution engine is single-threaded, so every fill, snapshot and order placement
 * runs here, one after the other, in arrival order.
 */
public final class VenueEvents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VenueEvents.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "venue-events");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code task} on the event thread later; a failure is logged, as nobody waits for it. */
    public void execute(Runnable task) {
        thread.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("venue event failed", e);
            }
        });
    }

    /** Runs {@code task} on the event thread and waits for it; its failure is rethrown here. */
    public <T> T call(Callable<T> task) {
        try {
            return thread.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the venue event thread", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
