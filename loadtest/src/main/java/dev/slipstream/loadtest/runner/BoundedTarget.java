package dev.slipstream.loadtest.runner;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code limit} calls of a target in flight, the others queued in order: a client with a bounded
 * HTTP/1.1 connection pool (one request per connection at a time), as real SDK clients have. In an open
 * loop the time a call waits for its turn counts in its latency, as it would for such a client.
 */
final class BoundedTarget implements CallTarget {
    private final CallTarget target;
    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    BoundedTarget(CallTarget target, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("connection limit: " + limit + " (expected: > 0)");
        }
        this.target = target;
        this.limit = limit;
    }

    @Override
    public CompletableFuture<Outcome> call(long requestNumber, int workerId) {
        final CompletableFuture<Outcome> result = new CompletableFuture<>();
        waiting.add(() -> target.call(requestNumber, workerId).whenComplete((outcome, error) -> {
            result.complete(outcome != null ? outcome : new Outcome("Unknown", "client error: " + error));
            inFlight.decrementAndGet();
            startWaiting();
        }));
        startWaiting();
        return result;
    }

    private void startWaiting() {
        while (!waiting.isEmpty()) {
            final int current = inFlight.get();
            if (current >= limit) {
                return;
            }
            if (!inFlight.compareAndSet(current, current + 1)) {
                continue;
            }
            final Runnable next = waiting.poll();
            if (next == null) {
                inFlight.decrementAndGet();
            } else {
                next.run();
            }
        }
    }

    @Override
    public void close() {
        target.close();
    }
}
