package dev.slipstream.loadtest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import com.linecorp.armeria.server.Server;

import dev.slipstream.loadtest.mock.FaultSchedule;
import dev.slipstream.loadtest.mock.MockLlmServer;

/**
 * The soak against the mock directly (HTTP mode), whose faults are the first second of every two: told the
 * same schedule, it files every HTTP 500 under the faults and exits 0; told faults every four seconds, the
 * mock's other faults (the first second of every other two) are real errors and the soak exits 1.
 */
@ResourceLock(Resources.SYSTEM_OUT)
class SoakCommandTest {
    private static Server mock;

    @TempDir
    static Path temp;

    @BeforeAll
    static void startMock() {
        mock = new MockLlmServer().start(0, new FaultSchedule(Duration.ofSeconds(2), Duration.ofSeconds(1),
                                                              FaultSchedule.Kind.ERROR));
    }

    @AfterAll
    static void stopMock() {
        mock.stop().join();
    }

    @Test
    void errorsDuringTheScheduledFaultsAreFiledUnderThem() throws IOException {
        final String out = soak("2");

        assertThat(out).containsPattern("whole run: \\d+ calls, \\d+/s, [1-9]\\d* errors in faults, 0 other errors");
        assertThat(out).contains("HTTP 500: {\"error\":{\"message\":\"injected fault\"");
        assertThat(out).contains("| 0–1 s |");
    }

    @Test
    void errorsOutsideTheScheduleAreRealOnesAndFailTheSoak() throws IOException {
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final int exit = run(captured, "4");

        assertThat(exit).isEqualTo(1);
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .containsPattern("whole run: \\d+ calls, \\d+/s, \\d+ errors in faults, [1-9]\\d* other errors");
    }

    private static String soak(String faultEverySeconds) throws IOException {
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        assertThat(run(captured, faultEverySeconds)).isZero();
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static int run(ByteArrayOutputStream captured, String faultEverySeconds) throws IOException {
        final Path config = temp.resolve("soak.json");
        Files.writeString(config, "{\"data\": {\"model\": \"mock-model\", \"messages\": " +
                                  "[{\"role\": \"user\", \"content\": \"soak {{.RequestNumber}}\"}]}, \"timeout\": \"5s\"}");
        final PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // Any 4.5 s hold at least half a second of the mock's faults outside a four-second schedule.
            return LoadtestCommand.commandLine().execute(
                    "soak", "--config", config.toString(),
                    "--http", "http://127.0.0.1:" + mock.activeLocalPort() + "/v1/chat/completions",
                    "--rps", "100", "-z", "4500ms", "--interval", "1s", "--fault-every-s", faultEverySeconds,
                    "--fault-duration-s", "1", "--fault-grace", "200ms");
        } finally {
            System.setOut(original);
        }
    }
}
