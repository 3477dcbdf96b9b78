package dev.slipstream.loadtest.bench;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import io.grpc.StatusRuntimeException;

/**
 * Sends calls at a constant rate regardless of how fast they complete (open loop), and measures each
 * latency from the moment the call was due, so a stalled target shows up in the tail instead of silently
 * lowering the rate (no coordinated omission).
 */
final class OpenLoopRunner {
    private static final long MAX_LATENCY_MICROS = TimeUnit.SECONDS.toMicros(60);
    private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(15);

    private final int ratePerSecond;
    private final Duration warmup;
    private final Duration duration;
    private final int maxInFlight;

    /** What one run measured; latencies in microseconds, calls made during warm-up excluded. */
    record Result(String name, Histogram latencyMicros, long ok, long errors, long dropped, double seconds,
                  Map<String, Long> errorKinds) {
        static final String MARKDOWN_HEADER =
                "| what | achieved req/s | ok | errors | dropped | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n" +
                "|---|---|---|---|---|---|---|---|---|---|\n";

        double achievedRate() {
            return (ok + errors) / seconds;
        }

        /** The latency at {@code percentile} (100 = the maximum), in milliseconds. */
        double millisAt(double percentile) {
            final long micros = percentile >= 100 ? latencyMicros.getMaxValue()
                                                  : latencyMicros.getValueAtPercentile(percentile);
            return micros / 1000.0;
        }

        /** The errors by kind, e.g. {@code UNAVAILABLE: 3}; empty when there were none. */
        String errorSummary() {
            final StringBuilder out = new StringBuilder();
            errorKinds.forEach((kind, count) -> out.append(name).append(" error: ").append(kind).append(" x")
                                                   .append(count).append('\n'));
            return out.toString();
        }

        String markdownRow() {
            return String.format(Locale.ROOT, "| %s | %.0f | %d | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                                 name, achievedRate(), ok, errors, dropped, millisAt(50), millisAt(90),
                                 millisAt(99), millisAt(99.9), millisAt(100));
        }
    }

    OpenLoopRunner(int ratePerSecond, Duration warmup, Duration duration, int maxInFlight) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("ratePerSecond: " + ratePerSecond + " (expected: > 0)");
        }
        this.ratePerSecond = ratePerSecond;
        this.warmup = requireNonNull(warmup, "warmup");
        this.duration = requireNonNull(duration, "duration");
        this.maxInFlight = maxInFlight;
    }

    Result run(String name, Supplier<CompletableFuture<?>> call) {
        final ConcurrentHistogram histogram = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);
        final LongAdder ok = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
        final LongAdder dropped = new LongAdder();
        final AtomicInteger inFlight = new AtomicInteger();
        final long intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        final long start = System.nanoTime();
        final long measureFrom = start + warmup.toNanos();
        final long end = measureFrom + duration.toNanos();
        for (long i = 0; ; i++) {
            final long due = start + i * intervalNanos;
            if (due >= end) {
                break;
            }
            final long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            final boolean measured = due >= measureFrom;
            if (inFlight.get() >= maxInFlight) {
                if (measured) {
                    dropped.increment();
                }
                continue;
            }
            inFlight.incrementAndGet();
            call.get().whenComplete((unused, error) -> {
                inFlight.decrementAndGet();
                if (!measured) {
                    return;
                }
                if (error != null) {
                    errors.increment();
                    errorKinds.computeIfAbsent(kind(error), newKind -> new LongAdder()).increment();
                    return;
                }
                ok.increment();
                histogram.recordValue(Math.min(MAX_LATENCY_MICROS, (System.nanoTime() - due) / 1_000));
            });
        }
        final long drainUntil = System.nanoTime() + DRAIN_TIMEOUT_NANOS;
        while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        final Map<String, Long> kinds = new TreeMap<>();
        errorKinds.forEach((kind, count) -> kinds.put(kind, count.sum()));
        return new Result(name, histogram, ok.sum(), errors.sum(), dropped.sum(), duration.toNanos() / 1e9,
                          kinds);
    }

    /** A short, bounded description of a failed call: its gRPC status, or its exception and message. */
    private static String kind(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof StatusRuntimeException status) {
            return status.getStatus().getCode().name();
        }
        final String message = String.valueOf(cause.getMessage());
        return cause.getClass().getSimpleName() + ": " + message.substring(0, Math.min(80, message.length()));
    }
}
