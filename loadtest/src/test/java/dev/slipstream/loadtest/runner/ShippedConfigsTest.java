package dev.slipstream.loadtest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.server.Server;

import dev.slipstream.gateway.config.ConfigLoader;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.config.ServerConfig;
import dev.slipstream.gateway.server.Gateway;
import dev.slipstream.loadtest.mock.FaultSchedule;
import dev.slipstream.loadtest.mock.MockLlmServer;

/**
 * Every config in loadtest/ghz runs, briefly, through {@code ./slipstream loadtest}'s command against a real
 * gateway (loadtest/bench/gateway.yaml, in this JVM) routed to the mock upstream: every call succeeds.
 * Only the host, the repository-relative file paths and the load (rate, duration, deadline) are replaced.
 */
class ShippedConfigsTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path CONFIGS = REPOSITORY.resolve("loadtest/ghz");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Server mock;
    private static Gateway gateway;

    @TempDir
    Path temp;

    @BeforeAll
    static void startGateway() {
        mock = new MockLlmServer().start(0, FaultSchedule.NONE);
        final GatewayConfig config = new ConfigLoader(Map.of(
                "MOCK_PORT", Integer.toString(mock.activeLocalPort()),
                "PROMPTS_DIR", REPOSITORY.resolve("prompt-templates/templates").toString()))
                .load(REPOSITORY.resolve("loadtest/bench/gateway.yaml"));
        final ServerConfig server = config.server();
        gateway = Gateway.start(config.withServer(new ServerConfig(
                "127.0.0.1", 0, server.maxRequestBytes(), server.requestTimeoutMs(), server.docsEnabled(), 0L,
                server.upstreamConnectionPoolSize(), server.metricsRequireAdmin())),
                "unused-bootstrap-key-0123456789");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        mock.stop().join();
    }

    static Stream<String> shippedConfigs() throws IOException {
        try (Stream<Path> files = Files.list(CONFIGS)) {
            final List<String> names = files.map(file -> file.getFileName().toString())
                                            .filter(name -> name.endsWith(".json") && !name.endsWith(".data.json"))
                                            .sorted().toList();
            assertThat(names).contains("complete.json", "stream-complete.json", "session-turn.json",
                                       "execution-decision.json");
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedConfigs")
    void shippedConfigRunsWithoutErrors(String name) throws IOException {
        final ObjectNode config = GhzConfig.readFile(CONFIGS.resolve(name));
        config.put("protoset", REPOSITORY.resolve(config.get("protoset").asText()).toString());
        if (config.has("data-file")) {
            final Path dataFile = temp.resolve("data.json");
            config.put("data-file", dataFile.toString());
            final Path setupConfig = write(config, "setup.json");
            assertThat(LoadtestCommand.commandLine().execute(
                    "sessions", "--config", setupConfig.toString(), "--host", host(), "--count", "20")).isZero();
            assertThat(MAPPER.readTree(dataFile.toFile())).hasSize(20);
        }
        final JsonNode report = run(write(config, name), "--rps", "20", "-z", "2s", "--skipFirst", "0", "-t", "30s");

        assertThat(report.path("statusCodeDistribution").path("OK").asLong()).as(report.toString()).isPositive();
        assertThat(report.path("errorDistribution").size()).as(report.toString()).isZero();
        assertThat(report.path("count").asLong()).isEqualTo(40);
    }

    @Test
    void httpModePostsTheTemplatedBodyToTheOpenAiRoute() throws IOException {
        final JsonNode report = run(null, "--http", "http://" + host() + "/v1/chat/completions",
                                    "-m", "{\"authorization\":\"Bearer loadtest-key-0123456789abcdef\"}",
                                    "-d", "{\"model\":\"mock\",\"messages\":[{\"role\":\"user\",\"content\":" +
                                          "\"turn {{.RequestNumber}} of {{.UUID}}\"}]}",
                                    "-c", "2", "-n", "30", "-t", "30s");

        assertThat(report.path("statusCodeDistribution").path("200").asLong()).as(report.toString()).isEqualTo(30);
        assertThat(report.path("errorDistribution").size()).isZero();
    }

    @Test
    void aWrongKeyShowsUpInTheStatusAndErrorDistributions() throws IOException {
        final ObjectNode config = GhzConfig.readFile(CONFIGS.resolve("complete.json"));
        config.put("protoset", REPOSITORY.resolve(config.get("protoset").asText()).toString());
        config.putObject("metadata").put("authorization", "Bearer not-a-key-0123456789");
        final JsonNode report = run(write(config, "wrong-key.json"), "--rps", "0", "-z", "0", "--skipFirst", "0",
                                    "-c", "2", "-n", "10", "-t", "30s");

        assertThat(report.path("statusCodeDistribution").path("UNAUTHENTICATED").asLong()).isEqualTo(10);
        assertThat(report.path("errorDistribution").fieldNames().next()).startsWith("rpc error: code = UNAUTHENTICATED");
    }

    @Test
    void theShippedProtosetIsTheOneTheBuildWrites() throws IOException {
        assertThat(Files.readAllBytes(CONFIGS.resolve("slipstream.protoset")))
                .as("regenerate: ./slipstream loadtest protoset -o loadtest/ghz/slipstream.protoset")
                .isEqualTo(Protoset.build().toByteArray());
    }

    private JsonNode run(Path config, String... flags) throws IOException {
        final Path report = temp.resolve("report.json");
        final Stream<String> configFlags = config == null ? Stream.of() : Stream.of("--config", config.toString());
        final String[] args = Stream.of(configFlags, Stream.of("--host", host(), "-O", "json", "-o", report.toString()),
                                        Stream.of(flags)).flatMap(s -> s).toArray(String[]::new);
        assertThat(LoadtestCommand.commandLine().execute(args)).isZero();
        return MAPPER.readTree(report.toFile());
    }

    private Path write(ObjectNode config, String name) throws IOException {
        final Path file = temp.resolve(name);
        MAPPER.writeValue(file.toFile(), config);
        return file;
    }

    private static String host() {
        return "127.0.0.1:" + gateway.port();
    }
}
