package dev.slipstream.loadtest.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One run, described with ghz's config keys (the same keys in a {@code --config} file and, through
 * {@link LoadtestCommand}, on the command line), validated: unknown keys and ghz keys this runner does not
 * implement are refused by name instead of being silently ignored.
 *
 * @param call fully qualified method, {@code package.Service.Method} or {@code package.Service/Method}
 * @param host {@code host:port} of a gRPC target
 * @param data the request as protobuf JSON (an array: one message per call, round robin); null = empty
 * @param rps calls per second, open loop; 0 = closed loop with {@code concurrency} workers
 * @param total calls to make; ignored when {@code duration} is set (as in ghz)
 * @param duration how long to send; {@link Duration#ZERO} = until {@code total}
 * @param timeout the deadline of each call
 * @param connections connections the calls are spread over
 * @param skipFirst calls left out of the report (warm-up)
 * @param countErrors whether failed calls count in the latency figures (ghz {@code count-errors})
 */
record GhzConfig(String call, String host, @Nullable String proto, @Nullable String protoset,
                 List<String> importPaths, @Nullable JsonNode data, Map<String, String> metadata, int rps,
                 int concurrency, long total, Duration duration, Duration timeout, boolean insecure,
                 int connections, long skipFirst, boolean countErrors, String name, String format,
                 @Nullable String output) {
    static final int DEFAULT_CONCURRENCY = 50;
    static final long DEFAULT_TOTAL = 200;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> SUPPORTED = Set.of(
            "call", "host", "proto", "protoset", "import-paths", "data", "data-file", "metadata", "metadata-file",
            "rps", "concurrency", "total", "duration", "timeout", "insecure", "connections", "skipFirst",
            "count-errors", "name", "tags", "format", "output");
    /** ghz keys with no equivalent here: refused, so a config never runs with a setting quietly dropped. */
    private static final Set<String> UNSUPPORTED_GHZ = Set.of(
            "cacert", "cert", "key", "cname", "skipTLS", "authority", "async", "load-schedule", "load-start",
            "load-end", "load-step", "load-step-duration", "load-max-duration", "concurrency-schedule",
            "concurrency-start", "concurrency-end", "concurrency-step", "concurrency-step-duration",
            "concurrency-max-duration", "max-duration", "binary", "binary-file", "stream-interval",
            "reflect-metadata", "connect-timeout", "keepalive", "cpus", "lb-strategy", "enable-compression",
            "stream-call-duration", "stream-call-count", "stream-dynamic-messages", "debug");
    private static final Set<String> FORMATS = Set.of("summary", "json", "pretty");

    /** Reads a ghz JSON config file; relative {@code data-file}/{@code metadata-file} paths are resolved as ghz does, from the working directory. */
    static ObjectNode readFile(Path file) {
        final JsonNode tree;
        try {
            tree = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config " + file + ": " + e.getMessage(), e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("config " + file + ": expected a JSON object");
        }
        return object;
    }

    /** Validates a tree of ghz keys (a config file with command-line overrides already applied). */
    static GhzConfig from(ObjectNode tree, boolean httpMode) {
        final List<String> problems = new ArrayList<>();
        tree.fieldNames().forEachRemaining(key -> {
            if (UNSUPPORTED_GHZ.contains(key)) {
                problems.add(key + ": a ghz option this runner does not implement (see docs/loadtest.md)");
            } else if (!SUPPORTED.contains(key)) {
                problems.add(key + ": unknown key (ghz config keys are case-sensitive, e.g. skipFirst, import-paths)");
            }
        });
        final String call = tree.path("call").asText("");
        if (call.isBlank() && !httpMode) {
            problems.add("call: required, e.g. slipstream.gateway.v1.ChatService.Complete");
        }
        final String host = tree.path("host").asText("");
        if (host.isBlank() && !httpMode) {
            problems.add("host: required, e.g. 127.0.0.1:8080");
        }
        final String format = tree.path("format").asText("summary");
        if (!FORMATS.contains(format)) {
            problems.add("format: '" + format + "' (supported: summary, json, pretty)");
        }
        final int rps = nonNegativeInt(tree, "rps", 0, problems);
        final int concurrency = nonNegativeInt(tree, "concurrency", DEFAULT_CONCURRENCY, problems);
        if (concurrency == 0) {
            problems.add("concurrency: 0 (expected: > 0)");
        }
        final int connections = nonNegativeInt(tree, "connections", 1, problems);
        if (connections == 0) {
            problems.add("connections: 0 (expected: > 0)");
        }
        final long total = nonNegativeInt(tree, "total", (int) DEFAULT_TOTAL, problems);
        final long skipFirst = nonNegativeInt(tree, "skipFirst", 0, problems);
        final Duration duration = duration(tree, "duration", Duration.ZERO, problems);
        final Duration timeout = duration(tree, "timeout", DEFAULT_TIMEOUT, problems);
        if (timeout.isZero()) {
            problems.add("timeout: 0 (expected: > 0; every call has a deadline)");
        }
        if (duration.isZero() && total == 0) {
            problems.add("total: 0 and no duration (the run would never end)");
        }
        final JsonNode data = data(tree, problems);
        final Map<String, String> metadata = metadata(tree, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid load test config:\n  " + String.join("\n  ", problems));
        }
        final List<String> importPaths = new ArrayList<>();
        tree.path("import-paths").forEach(path -> importPaths.add(path.asText()));
        return new GhzConfig(call, host, text(tree, "proto"), text(tree, "protoset"), List.copyOf(importPaths), data,
                             metadata, rps, concurrency, total, duration, timeout,
                             tree.path("insecure").asBoolean(false), connections, skipFirst,
                             tree.path("count-errors").asBoolean(false), tree.path("name").asText(""), format,
                             text(tree, "output"));
    }

    /** True when the run is bounded by time rather than by count (ghz: {@code -z} wins over {@code -n}). */
    boolean byDuration() {
        return !duration.isZero();
    }

    private static @Nullable String text(JsonNode tree, String key) {
        final JsonNode node = tree.get(key);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static int nonNegativeInt(JsonNode tree, String key, int fallback, List<String> problems) {
        final JsonNode node = tree.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        try {
            final int value = node.isIntegralNumber() && node.canConvertToInt() ? node.asInt()
                                                                                 : Integer.parseInt(node.asText());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + ": " + node + " (expected: a whole number >= 0)");
        return fallback;
    }

    private static Duration duration(JsonNode tree, String key, Duration fallback, List<String> problems) {
        final JsonNode node = tree.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        try {
            return GoDuration.parse(node.asText());
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return fallback;
        }
    }

    private static @Nullable JsonNode data(JsonNode tree, List<String> problems) {
        final JsonNode inline = tree.get("data");
        final String file = text(tree, "data-file");
        if (inline != null && file != null) {
            problems.add("data and data-file: give one of them");
            return null;
        }
        if (file == null) {
            return inline == null || inline.isNull() ? null : inline;
        }
        try {
            return MAPPER.readTree(Files.readString(Path.of(file)));
        } catch (IOException e) {
            problems.add("data-file: cannot read " + file + ": " + e.getMessage());
            return null;
        }
    }

    private static Map<String, String> metadata(JsonNode tree, List<String> problems) {
        JsonNode node = tree.path("metadata");
        final String file = text(tree, "metadata-file");
        if (file != null) {
            try {
                node = MAPPER.readTree(Files.readString(Path.of(file)));
            } catch (IOException e) {
                problems.add("metadata-file: cannot read " + file + ": " + e.getMessage());
                return Map.of();
            }
        }
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            problems.add("metadata: expected a JSON object of string values");
            return Map.of();
        }
        final Map<String, String> metadata = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> metadata.put(entry.getKey(), entry.getValue().asText()));
        return metadata;
    }
}
