package dev.slipstream.loadtest.runner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.slipstream.loadtest.mock.FaultSchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./slipstream loadtest soak}: a fixed open-loop rate for a long time against a gateway whose upstream
 * (the mock, started with the same {@code --fault-*} options) fails on a wall-clock schedule. Reports, per
 * interval, the p99 of successful calls and the errors split into those that met an injected fault and the
 * others, and the gateway's heap after a full GC at the start and at the end. Exit 1 when any error did
 * not meet a fault.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
         description = "Long fixed-rate run with injected upstream faults: errors, p99 per interval, heap after GC.")
final class SoakCommand implements Callable<Integer> {
    private static final Pattern HEAP_USED =
            Pattern.compile("(?m)^jvm_memory_bytes_used\\{area=\"heap\",?}\\s+(\\S+)$");
    private static final Duration JCMD_TIMEOUT = Duration.ofSeconds(30);

    @Option(names = "--config", required = true, description = "the ghz config of the call (its rps and duration are replaced)")
    Path config;

    @Option(names = "--host", description = "host:port, overriding the config's")
    @Nullable String host;

    @Option(names = "--http", paramLabel = "URL", description = "HTTP mode, as in loadtest --http")
    @Nullable URI http;

    @Option(names = {"-r", "--rps"}, defaultValue = "1000", description = "calls per second")
    int rps;

    @Option(names = {"-z", "--duration"}, defaultValue = "10m", description = "how long, e.g. 10m")
    String duration;

    @Option(names = "--interval", defaultValue = "30s", description = "the period of each report line")
    String interval;

    @Option(names = "--fault-every-s", defaultValue = "60", description = "the mock's fault period (same as its option)")
    long faultEverySeconds;

    @Option(names = "--fault-duration-s", defaultValue = "5", description = "the mock's fault length (same as its option)")
    long faultDurationSeconds;

    @Option(names = "--fault-grace", defaultValue = "5s",
            description = "errors this close to a fault count as caused by it (clock skew; after it: retries, " +
                          "a circuit breaker still open)")
    String faultGrace;

    @Option(names = "--gateway-metrics", description = "the gateway's Prometheus /metrics URL, for the heap")
    @Nullable URI gatewayMetrics;

    @Option(names = "--gateway-pid", description = "the gateway's process id: jcmd GC.run before each heap reading")
    @Nullable Long gatewayPid;

    @Override
    public Integer call() throws IOException, InterruptedException {
        final ObjectNode tree = GhzConfig.readFile(config);
        tree.put("rps", rps);
        tree.put("duration", duration);
        tree.put("skipFirst", 0);
        if (host != null) {
            tree.put("host", host);
        }
        final GhzConfig run = GhzConfig.from(tree, http != null);
        final FaultSchedule faults = new FaultSchedule(Duration.ofSeconds(faultEverySeconds),
                                                       Duration.ofSeconds(faultDurationSeconds),
                                                       FaultSchedule.Kind.ERROR);
        final Duration grace = GoDuration.parse(faultGrace);
        final long intervalNanos = GoDuration.parse(interval).toNanos();
        final @Nullable Long heapAtStart = heapAfterGc();
        final Map<Long, SoakInterval> intervals = new ConcurrentSkipListMap<>();
        final long highestMicros = TimeUnit.NANOSECONDS.toMicros(run.timeout().toNanos()) * 2;
        System.out.printf(Locale.ROOT, "soak: %s at %d/s for %s; faults every %d s for %d s (±%s grace)%n",
                          http != null ? "HTTP " + http : "gRPC " + run.call(), rps, duration, faultEverySeconds,
                          faultDurationSeconds, faultGrace);
        final RunResult result;
        try (CallTarget target = http != null ? new HttpTarget(run, http, false) : new GrpcTarget(run)) {
            result = LoadEngine.run(LoadtestCommand.plan(run, Duration.ZERO, Integer.MAX_VALUE), target,
                                    new IntervalListener(intervals, intervalNanos, highestMicros, faults, grace));
        }
        final @Nullable Long heapAtEnd = heapAfterGc();
        System.out.println(report(intervals, intervalNanos, result, heapAtStart, heapAtEnd));
        final long unexplained = intervals.values().stream().mapToLong(SoakInterval::otherErrors).sum();
        return unexplained == 0 ? 0 : 1;
    }

    /** Files each ended call under the interval it started in, with whether it met an injected fault. */
    private static final class IntervalListener implements LoadEngine.CallListener {
        private final Map<Long, SoakInterval> intervals;
        private final long intervalNanos;
        private final long highestMicros;
        private final FaultSchedule faults;
        private final Duration grace;
        private volatile long startNanos;
        private volatile long epochMillisAtStart;

        IntervalListener(Map<Long, SoakInterval> intervals, long intervalNanos, long highestMicros,
                         FaultSchedule faults, Duration grace) {
            this.intervals = intervals;
            this.intervalNanos = intervalNanos;
            this.highestMicros = highestMicros;
            this.faults = faults;
            this.grace = grace;
        }

        @Override
        public void started(long startNanos) {
            this.startNanos = startNanos;
            this.epochMillisAtStart = System.currentTimeMillis();
        }

        @Override
        public void ended(long number, long start, long end, CallTarget.Outcome outcome) {
            final long from = epochMillisAtStart + TimeUnit.NANOSECONDS.toMillis(start - startNanos);
            final long to = epochMillisAtStart + TimeUnit.NANOSECONDS.toMillis(end - startNanos);
            intervals.computeIfAbsent((start - startNanos) / intervalNanos, i -> new SoakInterval(highestMicros))
                     .record(end - start, outcome, faults.overlaps(from, to, grace));
        }
    }

    private String report(Map<Long, SoakInterval> intervals, long intervalNanos, RunResult result,
                          @Nullable Long heapAtStart, @Nullable Long heapAtEnd) {
        final StringBuilder out = new StringBuilder();
        out.append("\n| interval | calls | ok | errors in faults | other errors | p50 ms | p99 ms | max ms |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        intervals.forEach((index, interval) -> out.append(interval.markdownRow(
                String.format(Locale.ROOT, "%d–%d s", index * intervalNanos / 1_000_000_000L,
                              (index + 1) * intervalNanos / 1_000_000_000L))));
        out.append(String.format(Locale.ROOT, "%nwhole run: %d calls, %.0f/s, %d errors in faults, %d other errors%n",
                                 result.count(), result.requestsPerSecond(),
                                 intervals.values().stream().mapToLong(SoakInterval::faultErrors).sum(),
                                 intervals.values().stream().mapToLong(SoakInterval::otherErrors).sum()));
        result.errors().forEach((error, count) -> out.append("  error: ").append(count).append("× ").append(error)
                                                     .append('\n'));
        out.append("gateway heap after GC: start ").append(mebibytes(heapAtStart)).append(", end ")
           .append(mebibytes(heapAtEnd)).append('\n');
        return out.toString();
    }

    private static String mebibytes(@Nullable Long bytes) {
        return bytes == null ? "not read (give --gateway-metrics and --gateway-pid)"
                             : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    /** The gateway's used heap right after a full GC forced with jcmd, from its Prometheus metrics. */
    private @Nullable Long heapAfterGc() throws IOException, InterruptedException {
        if (gatewayMetrics == null || gatewayPid == null) {
            return null;
        }
        final Process jcmd = new ProcessBuilder("jcmd", Long.toString(gatewayPid), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!jcmd.waitFor(JCMD_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            jcmd.destroyForcibly();
            throw new IllegalArgumentException("jcmd " + gatewayPid + " GC.run failed or took over " + JCMD_TIMEOUT);
        }
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            final String metrics = client.send(HttpRequest.newBuilder(gatewayMetrics).timeout(Duration.ofSeconds(10))
                                                          .build(), HttpResponse.BodyHandlers.ofString()).body();
            final Matcher matcher = HEAP_USED.matcher(metrics);
            if (!matcher.find()) {
                throw new IllegalArgumentException(gatewayMetrics + " has no jvm_memory_bytes_used{area=\"heap\"}");
            }
            return (long) Double.parseDouble(matcher.group(1));
        }
    }
}
