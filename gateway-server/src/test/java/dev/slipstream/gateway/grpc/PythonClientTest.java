package dev.slipstream.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.slipstream.gateway.advisor.AdvisorRequests;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.testing.PromptGateways;
import dev.slipstream.gateway.testing.RunningGateway;

/**
 * A Python client with stubs that protoc generates from the project's own .proto files talks to the
 * gateway: unary Complete, StreamComplete, the gRPC health check, and the typed ExecutionDecision and
 * ImpactAdjustment (answered by a scripted OpenAI wire fake through the shipped templates). Needs the apt
 * packages python3-grpcio, python3-protobuf, protobuf-compiler and protobuf-compiler-grpc; without them it
 * fails, so that a missing prerequisite never passes for a working client.
 */
class PythonClientTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String PROTOC = "/usr/bin/protoc";
    private static final String GRPC_PYTHON_PLUGIN = "/usr/bin/grpc_python_plugin";
    private static final String INSTALL_HINT =
            "install with: apt-get install python3-grpcio python3-protobuf protobuf-compiler " +
            "protobuf-compiler-grpc (./slipstream test does this)";

    // Working directory of surefire (and IDEs) is the module's directory.
    private static final Path PROJECT_PROTOS = Path.of("..", "proto", "src", "main", "proto");
    private static final Path CLIENT_SCRIPT = Path.of("src", "test", "python", "chat_client.py");
    private static final Path ADVISOR_SCRIPT = Path.of("src", "test", "python", "advisor_client.py");
    private static final Duration PROTOC_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path workDir;
    private static Path stubsDir;
    private static FakeOpenAi fake;
    private static RunningGateway gateway;

    @BeforeAll
    static void generateStubsAndStartGateway() throws Exception {
        requireExecutable(PYTHON, "python3");
        requireExecutable(PROTOC, "protoc (package protobuf-compiler)");
        requireExecutable(GRPC_PYTHON_PLUGIN, "grpc_python_plugin (package protobuf-compiler-grpc)");
        final Result imports = run(List.of(PYTHON, "-c", "import grpc, google.protobuf"), Map.of(),
                                   CLIENT_TIMEOUT);
        if (imports.exitCode() != 0) {
            fail("python3 cannot import grpc / google.protobuf; " + INSTALL_HINT + '\n' + imports.stderr());
        }
        stubsDir = generateStubs();
        fake = new FakeOpenAi();
        gateway = PromptGateways.startWithShippedTemplates(fake, Files.createDirectories(workDir.resolve("templates")));
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
        if (fake != null) {
            fake.stop().join();
        }
    }

    @Test
    void completeAndStreamCompleteFromPython() throws Exception {
        final JsonNode output = runClient(RunningGateway.API_KEY);

        final JsonNode complete = output.get("complete");
        assertThat(complete.get("content").asText()).contains("What is TWAP?");
        assertThat(complete.get("request_id").asText()).isEqualTo("python-client");
        assertThat(complete.get("finish_reason").asText()).isEqualTo("FINISH_REASON_STOP");
        assertConsistentUsage(complete.get("usage"));

        final JsonNode stream = output.get("stream");
        assertThat(stream.get("chunks").asInt()).isGreaterThan(1);
        assertThat(stream.get("text").asText()).isEqualTo(complete.get("content").asText());
        final JsonNode last = stream.get("last");
        assertThat(last.get("has_usage").asBoolean()).isTrue();
        assertThat(last.get("finish_reason").asText()).isEqualTo("FINISH_REASON_STOP");
        assertConsistentUsage(last.get("usage"));
    }

    @Test
    void executionDecisionAndImpactAdjustmentFromPythonByTheirTypedProtos() throws Exception {
        fake.answerWith(AdvisorRequests.VALID_DECISION, AdvisorRequests.VALID_IMPACT);

        final JsonNode output = runScript(List.of(PYTHON, ADVISOR_SCRIPT.toString(), "127.0.0.1:" + gateway.port(),
                                                  RunningGateway.API_KEY));

        final JsonNode decision = output.get("execution_decision");
        assertThat(decision.get("source").asText()).isEqualTo("SOURCE_MODEL");
        assertThat(decision.get("action").asText()).isEqualTo("EXECUTION_ACTION_ACCELERATE");
        assertThat(decision.get("quantity").asDouble()).isEqualTo(30);
        assertThat(decision.get("order_type").asText()).isEqualTo("ORDER_TYPE_LIMIT");
        assertThat(decision.get("limit_price").asDouble()).isEqualTo(2598.1);
        assertThat(decision.get("rate_multiplier").asDouble()).isEqualTo(1.4);
        assertThat(decision.get("has_wait_seconds").asBoolean()).isFalse();
        assertThat(decision.get("prompt_id").asText()).isEqualTo("execution-decision");
        final JsonNode impact = output.get("impact_adjustment");
        assertThat(impact.get("source").asText()).isEqualTo("SOURCE_MODEL");
        assertThat(impact.get("adjustment_factor").asDouble()).isEqualTo(1.3);
        assertThat(impact.get("adjusted_impact_bps").asDouble()).isCloseTo(6.37, offset(1e-9));
        assertThat(impact.get("prompt_id").asText()).isEqualTo("impact-adjustment");
        // The typed fields reached the model as the template's variables, the timestamp as ISO-8601.
        assertThat(fake.received().getFirst().turns().getLast().text())
                .contains("\"symbol\":\"ETHUSDT\"", "\"deadline\":\"2025-06-02T14:30:00Z\"");
        assertThat(fake.received().getLast().turns().getLast().text())
                .contains("\"model\":\"square_root\"", "\"adv\":310000.0");
    }

    @Test
    void healthCheckFromPythonNeedsNoKey() throws Exception {
        assertThat(runClient("--health").get("status").asText()).isEqualTo("SERVING");
    }

    @Test
    void wrongKeyExitsWithUnauthenticated() throws Exception {
        final Result result = run(clientCommand("not-the-key"), pythonPath(), CLIENT_TIMEOUT);
        assertThat(result.exitCode()).as("exit code; stderr:\n%s", result.stderr()).isEqualTo(1);
        assertThat(result.stderr()).contains("UNAUTHENTICATED");
    }

    private static void assertConsistentUsage(JsonNode usage) {
        final long input = usage.get("input_tokens").asLong();
        final long output = usage.get("output_tokens").asLong();
        assertThat(input).isPositive();
        assertThat(output).isPositive();
        assertThat(usage.get("total_tokens").asLong()).isEqualTo(input + output);
    }

    private static JsonNode runClient(String keyOrFlag) throws Exception {
        return runScript(clientCommand(keyOrFlag));
    }

    private static JsonNode runScript(List<String> command) throws Exception {
        final Result result = run(command, pythonPath(), CLIENT_TIMEOUT);
        if (result.exitCode() != 0) {
            fail(command.get(1) + " exited with " + result.exitCode() + "; stderr:\n" + result.stderr());
        }
        return new ObjectMapper().readTree(result.stdout());
    }

    private static List<String> clientCommand(String keyOrFlag) {
        return List.of(PYTHON, CLIENT_SCRIPT.toString(), "127.0.0.1:" + gateway.port(), keyOrFlag);
    }

    private static Map<String, String> pythonPath() {
        return Map.of("PYTHONPATH", stubsDir.toString());
    }

    /**
     * Runs protoc over the project's protos plus the third-party ones they need, taken from jars on the
     * test classpath. health.proto goes under grpc_health/ (the module name of pip's grpcio-health-checking)
     * because a generated grpc/ package would be hidden by grpcio's own.
     */
    private static Path generateStubs() throws Exception {
        assertThat(PROJECT_PROTOS.resolve("slipstream/gateway/v1/chat.proto"))
                .as("the project's protos (run from the gateway-server directory)").isRegularFile();
        final Path includes = workDir.resolve("protos");
        copyResource("google/api/annotations.proto", includes.resolve("google/api/annotations.proto"));
        copyResource("google/api/http.proto", includes.resolve("google/api/http.proto"));
        // Shipped with protoc only in libprotobuf-dev, which protobuf-compiler merely recommends.
        copyResource("google/protobuf/descriptor.proto", includes.resolve("google/protobuf/descriptor.proto"));
        // Imported by the project's protos; their Python modules come with the protobuf package itself.
        copyResource("google/protobuf/struct.proto", includes.resolve("google/protobuf/struct.proto"));
        copyResource("google/protobuf/timestamp.proto", includes.resolve("google/protobuf/timestamp.proto"));
        copyResource("grpc/health/v1/health.proto", includes.resolve("grpc_health/v1/health.proto"));

        final Path out = Files.createDirectories(workDir.resolve("stubs"));
        final List<String> command = new ArrayList<>(List.of(
                PROTOC, "-I", PROJECT_PROTOS.toString(), "-I", includes.toString(),
                "--python_out=" + out, "--grpc_out=" + out, "--plugin=protoc-gen-grpc=" + GRPC_PYTHON_PLUGIN,
                "google/api/annotations.proto", "google/api/http.proto", "grpc_health/v1/health.proto"));
        try (var protos = Files.walk(PROJECT_PROTOS)) {
            protos.filter(p -> p.toString().endsWith(".proto"))
                  .forEach(p -> command.add(PROJECT_PROTOS.relativize(p).toString()));
        }
        final Result protoc = run(command, Map.of(), PROTOC_TIMEOUT);
        if (protoc.exitCode() != 0) {
            fail("protoc failed (exit " + protoc.exitCode() + "):\n" + protoc.stderr());
        }
        return out;
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = PythonClientTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("%s on the test classpath", resource).isNotNull();
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void requireExecutable(String path, String what) {
        if (!Files.isExecutable(Path.of(path))) {
            fail(what + " not found at " + path + "; " + INSTALL_HINT);
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    /** Runs {@code command} to completion or kills it after {@code timeout}; output goes through files. */
    private static Result run(List<String> command, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        final Path stdout = Files.createTempFile(workDir, "stdout", ".txt");
        final Path stderr = Files.createTempFile(workDir, "stderr", ".txt");
        final ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                                                                  .redirectError(stderr.toFile());
        builder.environment().putAll(env);
        final Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            fail(String.join(" ", command) + " did not finish within " + timeout + "; stderr:\n" +
                 Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                          Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
