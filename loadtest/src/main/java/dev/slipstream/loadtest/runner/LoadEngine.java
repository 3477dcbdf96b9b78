package dev.slipstream.loadtest.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * Drives a {@link CallTarget}. Open loop ({@code rps > 0}): calls are due at a constant rate whether or not
 * earlier ones finished, and each latency is measured from its due time, so a stalled target shows in the
 * tail instead of silently lowering the rate (no coordinated omission). Closed loop: {@code concurrency}
 * workers, each sending its next call when the previous one ends, latency measured from the send.
 */
public final class LoadEngine {
    /** Slack for the last calls to end after the last one was sent, beyond their own deadline. */
    private static final Duration DRAIN_SLACK = Duration.ofSeconds(5);

    /**
     * @param rps calls per second (open loop); 0 for closed loop
     * @param concurrency closed-loop workers
     * @param total calls to send; ignored when {@code duration} is not zero
     * @param duration how long to send, warm-up included; zero: until {@code total}
     * @param skipFirst calls left out of the result (warm-up)
     * @param warmup calls started this soon after the start are left out of the result too (warm-up by time)
     * @param maxInFlight open loop: a call due while this many are in flight is dropped and counted
     * @param timeout every call's deadline; bounds the wait for the last calls
     * @param countErrors whether failed calls count in the latency figures
     */
    public record Plan(int rps, int concurrency, long total, Duration duration, long skipFirst, Duration warmup,
                       int maxInFlight, Duration timeout, boolean countErrors) {
        public Plan {
            if (rps < 0 || concurrency <= 0 || maxInFlight <= 0 || total < 0 || skipFirst < 0 || warmup.isNegative()) {
                throw new IllegalArgumentException("invalid plan: " + this);
            }
            if (total == 0 && duration.isZero()) {
                throw new IllegalArgumentException("a plan needs a total or a duration");
            }
        }

        boolean openLoop() {
            return rps > 0;
        }

        boolean measured(long requestNumber, long sinceStartNanos) {
            return requestNumber >= skipFirst && sinceStartNanos >= warmup.toNanos();
        }
    }

    /** Sees every call as it ends, warm-up included (e.g. per-interval figures for a soak). */
    @FunctionalInterface
    public interface CallListener {
        CallListener NONE = (number, start, end, outcome) -> {};

        /** The run's time zero ({@link System#nanoTime()}), before the first call. */
        default void started(long startNanos) {}

        void ended(long requestNumber, long startNanos, long endNanos, CallTarget.Outcome outcome);
    }

    private LoadEngine() {}

    public static RunResult run(Plan plan, CallTarget target) {
        return run(plan, target, CallListener.NONE);
    }

    public static RunResult run(Plan plan, CallTarget target, CallListener listener) {
        final long highestMicros = TimeUnit.NANOSECONDS.toMicros(plan.timeout().plus(DRAIN_SLACK).toNanos()) * 2;
        final RunResult.Recorder recorder = new RunResult.Recorder(highestMicros, plan.countErrors());
        if (plan.openLoop()) {
            openLoop(plan, target, listener, recorder);
        } else {
            closedLoop(plan, target, listener, recorder);
        }
        return recorder.result();
    }

    private static void openLoop(Plan plan, CallTarget target, CallListener listener, RunResult.Recorder recorder) {
        final AtomicInteger inFlight = new AtomicInteger();
        final long intervalNanos = TimeUnit.SECONDS.toNanos(1) / plan.rps();
        final long start = System.nanoTime();
        listener.started(start);
        final long end = plan.duration().isZero() ? Long.MAX_VALUE : start + plan.duration().toNanos();
        final long total = plan.duration().isZero() ? plan.total() : Long.MAX_VALUE;
        for (long i = 0; i < total; i++) {
            final long due = start + i * intervalNanos;
            if (due - end >= 0) {
                break;
            }
            final long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            final boolean measured = plan.measured(i, due - start);
            if (inFlight.get() >= plan.maxInFlight()) {
                if (measured) {
                    recorder.drop();
                }
                continue;
            }
            inFlight.incrementAndGet();
            final long number = i;
            target.call(number, 0).whenComplete((outcome, unexpected) -> {
                inFlight.decrementAndGet();
                ended(number, due, outcome, unexpected, measured, listener, recorder);
            });
        }
        final long drainUntil = System.nanoTime() + plan.timeout().plus(DRAIN_SLACK).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() - drainUntil < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static void closedLoop(Plan plan, CallTarget target, CallListener listener, RunResult.Recorder recorder) {
        final AtomicLong next = new AtomicLong();
        final long runStart = System.nanoTime();
        listener.started(runStart);
        final long end = plan.duration().isZero() ? Long.MAX_VALUE : runStart + plan.duration().toNanos();
        final long total = plan.duration().isZero() ? plan.total() : Long.MAX_VALUE;
        final List<CompletableFuture<?>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < plan.concurrency(); w++) {
                final int worker = w;
                workers.add(CompletableFuture.runAsync(() -> {
                    for (long number = next.getAndIncrement(); number < total && System.nanoTime() - end < 0;
                         number = next.getAndIncrement()) {
                        final long start = System.nanoTime();
                        CallTarget.@Nullable Outcome outcome;
                        @Nullable Throwable unexpected = null;
                        try {
                            outcome = target.call(number, worker).join();
                        } catch (RuntimeException e) {
                            outcome = null;
                            unexpected = e;
                        }
                        ended(number, start, outcome, unexpected, plan.measured(number, start - runStart),
                              listener, recorder);
                    }
                }, threads));
            }
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        }
    }

    private static void ended(long number, long start, CallTarget.@Nullable Outcome outcome,
                              @Nullable Throwable unexpected,
                              boolean measured, CallListener listener, RunResult.Recorder recorder) {
        final long endNanos = System.nanoTime();
        final CallTarget.Outcome result = unexpected == null && outcome != null ? outcome
                : new CallTarget.Outcome("Unknown", "client error: " + unexpected);
        listener.ended(number, start, endNanos, result);
        if (measured) {
            recorder.record(start, endNanos, result);
        }
    }
}
