package dev.slipstream.loadtest.runner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A run written as ghz writes it: the text summary ({@code -O summary}) or the JSON report
 * ({@code -O json}, {@code -O pretty}; the fields are listed in docs/loadtest.md).
 */
final class GhzReport {
    static final double[] PERCENTILES = {10, 25, 50, 75, 90, 95, 99, 99.9};
    private static final int HISTOGRAM_BUCKETS = 10;
    private static final int BAR_WIDTH = 40;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GhzReport() {}

    /** A bucket of the response-time histogram: calls with latency up to {@code markMicros}. */
    record Bucket(long markMicros, long count, double frequency) {}

    static String summary(String name, String mode, RunResult result) {
        final StringBuilder out = new StringBuilder("\nSummary:\n");
        if (!name.isEmpty()) {
            out.append("  Name:\t\t").append(name).append('\n');
        }
        out.append("  Mode:\t\t").append(mode).append('\n');
        out.append("  Count:\t").append(result.count()).append('\n');
        out.append("  Total:\t").append(millis(result.totalNanos() / 1_000)).append('\n');
        out.append("  Slowest:\t").append(millis(result.latencyMicros().getMaxValue())).append('\n');
        out.append("  Fastest:\t").append(millis(result.latencyMicros().getMinValue())).append('\n');
        out.append("  Average:\t").append(millis(Math.round(result.latencyMicros().getMean()))).append('\n');
        out.append(String.format(Locale.ROOT, "  Requests/sec:\t%.2f%n", result.requestsPerSecond()));
        if (result.dropped() > 0) {
            out.append("  Dropped:\t").append(result.dropped()).append(" (open loop: too many calls in flight)\n");
        }
        final List<Bucket> buckets = histogram(result);
        if (!buckets.isEmpty()) {
            out.append("\nResponse time histogram:\n");
            final long most = buckets.stream().mapToLong(Bucket::count).max().orElse(1);
            for (Bucket bucket : buckets) {
                final int bar = (int) Math.round((double) bucket.count() * BAR_WIDTH / Math.max(1, most));
                out.append(String.format(Locale.ROOT, "  %.3f [%d]\t|%s%n", bucket.markMicros() / 1000.0,
                                         bucket.count(), "∎".repeat(bar)));
            }
            out.append("\nLatency distribution:\n");
            for (double percentile : PERCENTILES) {
                out.append(String.format(Locale.ROOT, "  %s %% in %s %n", percentileLabel(percentile),
                                         millis(result.latencyMicros().getValueAtPercentile(percentile))));
            }
        }
        out.append("\nStatus code distribution:\n");
        result.statusCodes().forEach((status, count) -> out.append(
                String.format(Locale.ROOT, "  [%s]\t%d responses%n", status, count)));
        if (!result.errors().isEmpty()) {
            out.append("\nError distribution:\n");
            result.errors().forEach((error, count) -> out.append(
                    String.format(Locale.ROOT, "  [%d]\t%s%n", count, error)));
        }
        return out.toString();
    }

    /** ghz's JSON report: durations in nanoseconds, histogram marks in seconds. */
    static String json(GhzConfig config, String mode, RunResult result, boolean pretty) {
        final ObjectNode root = MAPPER.createObjectNode();
        root.put("name", config.name());
        root.put("endReason", "normal");
        root.put("date", Instant.now().toString());
        final ObjectNode options = root.putObject("options");
        options.put("call", config.call());
        options.put("host", config.host());
        options.put("insecure", config.insecure());
        options.put("rps", config.rps());
        options.put("concurrency", config.concurrency());
        options.put("total", config.total());
        options.put("duration", config.duration().toNanos());
        options.put("timeout", config.timeout().toNanos());
        options.put("connections", config.connections());
        options.put("skipFirst", config.skipFirst());
        options.put("CountErrors", config.countErrors());
        options.put("mode", mode);
        root.put("count", result.count());
        root.put("total", result.totalNanos());
        root.put("average", Math.round(result.latencyMicros().getMean() * 1000));
        root.put("fastest", result.latencyMicros().getMinValue() * 1000);
        root.put("slowest", result.latencyMicros().getMaxValue() * 1000);
        root.put("rps", result.requestsPerSecond());
        root.put("dropped", result.dropped());
        final ObjectNode errors = root.putObject("errorDistribution");
        result.errors().forEach(errors::put);
        final ObjectNode statuses = root.putObject("statusCodeDistribution");
        result.statusCodes().forEach(statuses::put);
        final ArrayNode latencies = root.putArray("latencyDistribution");
        if (result.latencyMicros().getTotalCount() > 0) {
            for (double percentile : PERCENTILES) {
                latencies.addObject().put("percentage", percentile)
                         .put("latency", result.latencyMicros().getValueAtPercentile(percentile) * 1000);
            }
        }
        final ArrayNode histogram = root.putArray("histogram");
        histogram(result).forEach(bucket -> histogram.addObject().put("mark", bucket.markMicros() / 1e6)
                                                     .put("count", bucket.count())
                                                     .put("frequency", bucket.frequency()));
        try {
            return pretty ? MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
                          : MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON report", e);
        }
    }

    /** Eleven marks from the fastest to the slowest call, each with the calls above the previous mark. */
    static List<Bucket> histogram(RunResult result) {
        final var latencies = result.latencyMicros();
        final long total = latencies.getTotalCount();
        if (total == 0) {
            return List.of();
        }
        final long fastest = latencies.getMinValue();
        final long slowest = latencies.getMaxValue();
        final double width = (double) (slowest - fastest) / HISTOGRAM_BUCKETS;
        final List<Bucket> buckets = new ArrayList<>();
        long previous = -1;
        for (int i = 0; i <= HISTOGRAM_BUCKETS; i++) {
            final long mark = i == HISTOGRAM_BUCKETS ? slowest : fastest + Math.round(i * width);
            final long count = mark <= previous ? 0 : latencies.getCountBetweenValues(previous + 1, mark);
            buckets.add(new Bucket(mark, count, (double) count / total));
            previous = Math.max(previous, latencies.highestEquivalentValue(mark));
        }
        return buckets;
    }

    static String millis(long micros) {
        return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
    }

    private static String percentileLabel(double percentile) {
        return percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile);
    }
}
