package dev.slipstream.loadtest.runner;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./slipstream loadtest}: ghz's config file and flags, run by {@link LoadEngine}. A flag given on the
 * command line overrides the same key in the config file, as in ghz.
 */
@Command(name = "loadtest", mixinStandardHelpOptions = true, sortOptions = false,
         subcommands = {SoakCommand.class, SessionsCommand.class, Protoset.Command.class},
         description = {"Load-test a gRPC method or an HTTP endpoint; reads ghz's JSON config and flags.",
                        "Open loop with --rps (latency from each call's due time), else closed loop with -c workers."})
public final class LoadtestCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Parameters(index = "0", arity = "0..1", paramLabel = "HOST", description = "host:port (ghz's positional host)")
    @Nullable String host;

    @Option(names = "--host", description = "host:port, the same as the positional HOST (not a ghz flag)")
    @Nullable String hostOption;

    @Option(names = "--config", paramLabel = "FILE", description = "a ghz JSON config file")
    @Nullable Path config;

    @Option(names = "--call", description = "fully qualified method, e.g. slipstream.gateway.v1.ChatService.Complete")
    @Nullable String call;

    @Option(names = "--proto", description = "ghz: the .proto file (checked to exist; the compiled descriptors are used)")
    @Nullable String proto;

    @Option(names = "--protoset", description = "ghz: a protoset file (checked to declare the call)")
    @Nullable String protoset;

    @Option(names = {"-i", "--import-paths"}, split = ",", description = "ghz: proto import paths (checked to exist)")
    @Nullable List<String> importPaths;

    @Option(names = {"-d", "--data"}, description = "the request as protobuf JSON (or the HTTP body)")
    @Nullable String data;

    @Option(names = {"-D", "--data-file"}, description = "the request JSON from a file")
    @Nullable String dataFile;

    @Option(names = {"-m", "--metadata"}, description = "request metadata (HTTP headers) as a JSON object")
    @Nullable String metadata;

    @Option(names = "--metadata-file", description = "request metadata from a JSON file")
    @Nullable String metadataFile;

    @Option(names = {"-r", "--rps"}, description = "calls per second, open loop (0 = closed loop)")
    @Nullable Integer rps;

    @Option(names = {"-c", "--concurrency"}, description = "closed-loop workers (default 50)")
    @Nullable Integer concurrency;

    @Option(names = {"-n", "--total"}, description = "calls to make (default 200; ignored with -z)")
    @Nullable Integer total;

    @Option(names = {"-z", "--duration"}, description = "how long to send, e.g. 30s (wins over -n)")
    @Nullable String duration;

    @Option(names = {"-t", "--timeout"}, description = "deadline of each call (default 20s)")
    @Nullable String timeout;

    @Option(names = "--insecure", description = "plaintext (h2c) instead of TLS")
    @Nullable Boolean insecure;

    @Option(names = "--connections", description = "connections the calls are spread over (default 1)")
    @Nullable Integer connections;

    @Option(names = "--skipFirst", description = "calls left out of the report (warm-up)")
    @Nullable Integer skipFirst;

    @Option(names = "--warmup", description = "calls started this soon after the start are left out, e.g. 5s " +
                                              "(warm-up by time; not a ghz flag)")
    @Nullable String warmup;

    @Option(names = "--count-errors", description = "count failed calls in the latency figures")
    @Nullable Boolean countErrors;

    @Option(names = "--name", description = "a name for the report")
    @Nullable String name;

    @Option(names = {"-O", "--format"}, description = "summary (default), json or pretty")
    @Nullable String format;

    @Option(names = {"-o", "--output"}, description = "write the report to this file instead of stdout")
    @Nullable String output;

    @Option(names = "--http", paramLabel = "URL",
            description = "HTTP mode: POST the data as a JSON body to this URL (metadata as headers)")
    @Nullable URI http;

    @Option(names = "--http2", description = "HTTP mode over HTTP/2 cleartext instead of HTTP/1.1")
    boolean http2;

    @Option(names = "--http-connections", defaultValue = "0",
            description = "HTTP mode: at most this many calls in flight, the others queued, as a client with a " +
                          "bounded connection pool (0 = a connection per concurrent call)")
    int httpConnections;

    @Option(names = "--max-in-flight", defaultValue = "10000",
            description = "open loop: calls due while this many are in flight are dropped and counted")
    int maxInFlight;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command with its subcommands and a clear one-line error for bad input. */
    static CommandLine commandLine() {
        final CommandLine commandLine = new CommandLine(new LoadtestCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof IOException ||
                e instanceof java.io.UncheckedIOException) {
                cmd.getErr().println("loadtest: " + e.getMessage());
                return 2;
            }
            if (e instanceof io.grpc.StatusRuntimeException status) {
                cmd.getErr().println("loadtest: the target answered " + status.getStatus());
                return 2;
            }
            throw e;
        });
        return commandLine;
    }

    @Override
    public Integer call() throws IOException {
        final GhzConfig run = GhzConfig.from(tree(), http != null);
        checkProtoFiles(run);
        final String mode = mode(run);
        try (CallTarget target = target(run)) {
            final RunResult result = LoadEngine.run(plan(run, warmup == null ? Duration.ZERO : GoDuration.parse(warmup),
                                                         maxInFlight), target);
            final String report = switch (run.format()) {
                case "json" -> GhzReport.json(run, mode, result, false);
                case "pretty" -> GhzReport.json(run, mode, result, true);
                default -> GhzReport.summary(run.name(), mode, result);
            };
            if (run.output() != null) {
                Files.writeString(Path.of(run.output()), report + '\n', StandardCharsets.UTF_8);
            } else {
                System.out.println(report);
            }
        }
        return 0;
    }

    private CallTarget target(GhzConfig run) {
        if (http == null) {
            return new GrpcTarget(run);
        }
        final CallTarget target = new HttpTarget(run, http, http2);
        return httpConnections > 0 ? new BoundedTarget(target, httpConnections) : target;
    }

    static LoadEngine.Plan plan(GhzConfig run, Duration warmup, int maxInFlight) {
        return new LoadEngine.Plan(run.rps(), run.concurrency(), run.byDuration() ? 0 : run.total(), run.duration(),
                                   run.skipFirst(), warmup, maxInFlight, run.timeout(), run.countErrors());
    }

    private String mode(GhzConfig run) {
        final String target = http != null ? "HTTP POST " + http + (http2 ? " (h2c)" : " (HTTP/1.1)")
                                           : "gRPC " + run.call() + " @ " + run.host();
        final String loop = run.rps() > 0 ? String.format(Locale.ROOT, "open loop at %d/s", run.rps())
                                          : "closed loop, " + run.concurrency() + " workers";
        return target + ", " + loop;
    }

    /** The config file's keys with the command line's flags on top. */
    private ObjectNode tree() {
        final ObjectNode tree = config != null ? GhzConfig.readFile(config) : MAPPER.createObjectNode();
        putText(tree, "host", host);
        putText(tree, "host", hostOption);
        putText(tree, "call", call);
        putText(tree, "proto", proto);
        putText(tree, "protoset", protoset);
        if (importPaths != null) {
            final var array = tree.putArray("import-paths");
            importPaths.forEach(array::add);
        }
        if (data != null) {
            tree.set("data", json("--data", data));
            tree.remove("data-file");
        }
        if (dataFile != null) {
            tree.put("data-file", dataFile);
            tree.remove("data");
        }
        if (metadata != null) {
            tree.set("metadata", json("--metadata", metadata));
        }
        putText(tree, "metadata-file", metadataFile);
        putNumber(tree, "rps", rps);
        putNumber(tree, "concurrency", concurrency);
        putNumber(tree, "total", total);
        putText(tree, "duration", duration);
        putText(tree, "timeout", timeout);
        if (insecure != null) {
            tree.put("insecure", insecure);
        }
        putNumber(tree, "connections", connections);
        putNumber(tree, "skipFirst", skipFirst);
        if (countErrors != null) {
            tree.put("count-errors", countErrors);
        }
        putText(tree, "name", name);
        putText(tree, "format", format);
        putText(tree, "output", output);
        return tree;
    }

    private static void checkProtoFiles(GhzConfig run) {
        if (run.protoset() != null && !run.call().isBlank()) {
            Protoset.requireDeclares(Path.of(run.protoset()), run.call());
        }
        if (run.proto() != null && !Files.isRegularFile(Path.of(run.proto()))) {
            throw new IllegalArgumentException("proto: no such file " + run.proto());
        }
        for (String path : run.importPaths()) {
            if (!Files.isDirectory(Path.of(path))) {
                throw new IllegalArgumentException("import-paths: no such directory " + path);
            }
        }
    }

    private static JsonNode json(String flag, String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(flag + ": not JSON: " + e.getMessage(), e);
        }
    }

    private static void putText(ObjectNode tree, String key, @Nullable String value) {
        if (value != null) {
            tree.put(key, value);
        }
    }

    private static void putNumber(ObjectNode tree, String key, @Nullable Integer value) {
        if (value != null) {
            tree.put(key, value);
        }
    }
}
