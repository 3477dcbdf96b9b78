package dev.slipstream.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.slipstream.api.execution.v1.ExecutionAdvisorServiceGrpc.ExecutionAdvisorServiceBlockingStub;
import dev.slipstream.api.execution.v1.ExecutionDecisionResponse;
import dev.slipstream.api.execution.v1.ImpactAdjustmentResponse;
import dev.slipstream.api.execution.v1.Source;
import dev.slipstream.api.gateway.v1.ListPromptsRequest;
import dev.slipstream.api.gateway.v1.PromptServiceGrpc.PromptServiceBlockingStub;
import dev.slipstream.gateway.advisor.AdvisorRequests;
import dev.slipstream.gateway.config.ConfigException;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.config.PromptsConfig;
import dev.slipstream.gateway.testing.RunningGateway;

/** How the gateway starts with respect to its prompt template directory. */
class GatewayPromptsTest {
    @Test
    void aBrokenTemplateDirectoryIsRefusedAtStart(@TempDir Path templates) throws IOException {
        Files.createDirectories(templates.resolve("news-sentiment"));
        Files.writeString(templates.resolve("news-sentiment").resolve("v1.yaml"), "id: news-sentiment\n");

        final ConfigException e = catchThrowableOfType(ConfigException.class, () -> RunningGateway.start(
                EmbeddedConfig.create(Map.of()).withPrompts(
                        new PromptsConfig(templates.toString(), false, null, null, null, null))));

        assertThat(e).isNotNull();
        assertThat(e.problems()).isNotEmpty()
                                .allSatisfy(problem -> assertThat(problem).startsWith(
                                        templates.resolve("news-sentiment").resolve("v1.yaml").toString()));
    }

    @Test
    void withoutTemplatesTheAdvisorStillAnswersWithItsBaselines() {
        // Tests run in gateway-server/, where the default directory (prompt-templates/templates) is absent.
        try (RunningGateway gateway = RunningGateway.embedded()) {
            assertThat(gateway.grpcClient().build(PromptServiceBlockingStub.class)
                              .listPrompts(ListPromptsRequest.getDefaultInstance()).getPromptsCount()).isZero();
            final ExecutionAdvisorServiceBlockingStub advisor =
                    gateway.grpcClient().build(ExecutionAdvisorServiceBlockingStub.class);

            final ExecutionDecisionResponse decision = advisor.executionDecision(AdvisorRequests.decision());
            final ImpactAdjustmentResponse impact = advisor.impactAdjustment(AdvisorRequests.impact());

            assertThat(decision.getSource()).isEqualTo(Source.SOURCE_BASELINE);
            assertThat(decision.getBaselineReason()).startsWith("prompt 'execution-decision' not found");
            assertThat(decision.getQuantity()).isEqualTo(20);
            assertThat(decision.getCall().getModelCalls()).isZero();
            assertThat(impact.getSource()).isEqualTo(Source.SOURCE_BASELINE);
            assertThat(impact.getAdjustmentFactor()).isEqualTo(1.0);
            assertThat(impact.getAdjustedImpactBps()).isEqualTo(4.9);
        }
    }
}
