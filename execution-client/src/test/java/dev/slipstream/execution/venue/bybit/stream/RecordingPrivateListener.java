package dev.slipstream.execution.venue.bybit.stream;

import dev.slipstream.execution.venue.bybit.BybitExecution;
import dev.slipstream.execution.venue.bybit.BybitOrderUpdate;
import dev.slipstream.execution.venue.bybit.PrivateStreamListener;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Queues what the private stream delivers so a test can take each item with a bounded wait. */
class RecordingPrivateListener implements PrivateStreamListener {

    static final Duration WAIT = Duration.ofSeconds(5);

    final BlockingQueue<BybitOrderUpdate> orders = new LinkedBlockingQueue<>();
    final BlockingQueue<BybitExecution> executions = new LinkedBlockingQueue<>();
    final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
    final BlockingQueue<String> failures = new LinkedBlockingQueue<>();
    final BlockingQueue<Integer> reconnects = new LinkedBlockingQueue<>();
    final AtomicInteger reconnectCount = new AtomicInteger();

    @Override
    public void onOrder(BybitOrderUpdate update) {
        orders.add(update);
    }

    @Override
    public void onExecution(BybitExecution execution) {
        executions.add(execution);
    }

    @Override
    public void onReconnected() {
        reconnects.add(reconnectCount.incrementAndGet());
    }

    @Override
    public void onStreamError(String message) {
        errors.add(message);
    }

    @Override
    public void onStreamFailed(String reason) {
        failures.add(reason);
    }

    static <T> T next(BlockingQueue<T> queue, String what) throws InterruptedException {
        T item = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            throw new AssertionError("no " + what + " within " + WAIT.toMillis() + " ms");
        }
        return item;
    }

    /** Takes errors until one contains {@code text}; fails after the bounded wait. */
    static String nextContaining(BlockingQueue<String> queue, String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String item = queue.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (item != null && item.contains(text)) {
                return item;
            }
        }
        throw new AssertionError("no message containing \"" + text + "\" within " + WAIT.toMillis() + " ms");
    }
}
