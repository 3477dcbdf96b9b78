package dev.slipstream.loadtest.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import dev.slipstream.loadtest.runner.CallTarget;
import dev.slipstream.loadtest.runner.LoadEngine;
import dev.slipstream.loadtest.runner.RunResult;
import io.grpc.StatusRuntimeException;

/**
 * One benchmark scenario run open loop on {@link LoadEngine} (latency from each call's due time, warm-up
 * left out), as a row of the benchmark pages' Markdown tables.
 */
record BenchRun(String name, RunResult result) {
    static final String MARKDOWN_HEADER =
            "| what | achieved req/s | ok | errors | dropped | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n" +
            "|---|---|---|---|---|---|---|---|---|---|\n";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    /** {@code call} at {@code rps} for {@code warmup} (not measured) then {@code duration}. */
    static BenchRun run(String name, int rps, Duration warmup, Duration duration, int maxInFlight,
                        Supplier<CompletableFuture<?>> call) {
        final LoadEngine.Plan plan = new LoadEngine.Plan(rps, 1, 0, warmup.plus(duration), 0, warmup, maxInFlight,
                                                         CALL_TIMEOUT, false);
        final CallTarget target = new CallTarget() {
            @Override
            public CompletableFuture<Outcome> call(long requestNumber, int workerId) {
                return call.get().handle((ignored, error) -> {
                    if (error == null) {
                        return Outcome.OK;
                    }
                    final String kind = kind(error);
                    return new Outcome(kind, kind);
                });
            }

            @Override
            public void close() {}
        };
        return new BenchRun(name, LoadEngine.run(plan, target));
    }

    double millisAt(double percentile) {
        return result.millisAt(percentile);
    }

    boolean clean() {
        return result.errorCount() == 0 && result.dropped() == 0;
    }

    /** The errors by kind, e.g. {@code UNAVAILABLE x3}; empty when there were none. */
    String errorSummary() {
        final StringBuilder out = new StringBuilder();
        result.errors().forEach((kind, count) -> out.append(name).append(" error: ").append(kind).append(" x")
                                                    .append(count).append('\n'));
        return out.toString();
    }

    String markdownRow() {
        return String.format(Locale.ROOT, "| %s | %.0f | %d | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n", name,
                             result.requestsPerSecond(), result.ok(), result.errorCount(), result.dropped(),
                             millisAt(50), millisAt(90), millisAt(99), millisAt(99.9), millisAt(100));
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
