package dev.slipstream.gateway.prompt;

import static dev.slipstream.gateway.testing.PrometheusText.valueOrZero;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.slipstream.api.gateway.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import dev.slipstream.api.gateway.v1.ReloadPromptsRequest;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.testing.PromptGateways;
import dev.slipstream.gateway.testing.PrometheusText;
import dev.slipstream.gateway.testing.RunningGateway;

/** Every prompt reload is counted on /metrics: applied ones, and rejected ones by reason. */
class PromptReloadMetricsTest {
    private static final String APPLIED = "slipstream_prompt_reloads_total{outcome=\"applied\",}";
    private static final String REJECTED = "slipstream_prompt_reloads_total{outcome=\"rejected\",}";

    @TempDir
    Path templates;

    @Test
    void reloadsAreCountedByOutcomeAndFailuresByReason() throws IOException {
        final FakeOpenAi fake = new FakeOpenAi();
        try (RunningGateway gateway = PromptGateways.startWithShippedTemplates(fake, templates)) {
            assertThat(reload(gateway)).isTrue();
            Files.writeString(templates.resolve("impact-adjustment").resolve("v1.yaml"), "id: [unclosed\n");
            assertThat(reload(gateway)).isFalse();
            deleteRecursively(templates);
            assertThat(reload(gateway)).isFalse();

            final String metrics = PrometheusText.scrape(gateway);
            assertThat(valueOrZero(metrics, APPLIED)).isEqualTo(1);
            assertThat(valueOrZero(metrics, REJECTED)).isEqualTo(2);
            assertThat(valueOrZero(metrics, failures("invalid_templates"))).isEqualTo(1);
            assertThat(valueOrZero(metrics, failures("directory_unusable"))).isEqualTo(1);
            assertThat(valueOrZero(metrics, failures("no_directory"))).isZero();
        } finally {
            fake.stop().join();
        }
    }

    @Test
    void aReloadWithoutADirectoryIsCountedAsSuch() {
        try (RunningGateway gateway = RunningGateway.start(EmbeddedConfig.create(Map.of()))) {
            assertThat(reload(gateway)).isFalse();

            assertThat(valueOrZero(PrometheusText.scrape(gateway), failures("no_directory"))).isEqualTo(1);
        }
    }

    private static boolean reload(RunningGateway gateway) {
        return gateway.grpcClient().build(AdminServiceBlockingStub.class)
                      .reloadPrompts(ReloadPromptsRequest.getDefaultInstance()).getApplied();
    }

    private static String failures(String reason) {
        return "slipstream_prompt_reload_failures_total{reason=\"" + reason + "\",}";
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }
}
