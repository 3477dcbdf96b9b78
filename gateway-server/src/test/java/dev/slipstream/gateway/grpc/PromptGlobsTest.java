package dev.slipstream.gateway.grpc;

import static dev.slipstream.gateway.grpc.PromptServiceTest.BEARISH;
import static dev.slipstream.gateway.grpc.PromptServiceTest.newsVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;

import dev.slipstream.api.execution.v1.ExecutionAdvisorServiceGrpc.ExecutionAdvisorServiceBlockingStub;
import dev.slipstream.api.gateway.v1.GetPromptRequest;
import dev.slipstream.api.gateway.v1.InvokePromptRequest;
import dev.slipstream.api.gateway.v1.ListPromptsRequest;
import dev.slipstream.api.gateway.v1.PromptServiceGrpc.PromptServiceBlockingStub;
import dev.slipstream.api.gateway.v1.PromptSummary;
import dev.slipstream.api.gateway.v1.Source;
import dev.slipstream.gateway.advisor.AdvisorRequests;
import dev.slipstream.gateway.config.ApiKeyConfig;
import dev.slipstream.gateway.config.AuthConfig;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.testing.PromptGateways;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * A key's prompt globs on every prompt surface: PromptService, ExecutionAdvisorService and
 * {@code POST /v1/prompts/{id}:invoke}. The key may name no model, as the template, not the caller, picks it.
 */
class PromptGlobsTest {
    private static final String NEWS_ONLY = "news-only-key-0123456789";
    private static final String DENIED = "API key 'news-only' may not use prompt 'execution-decision' " +
                                         "(expected: one of news-*)";

    @TempDir
    static Path templates;
    private static FakeOpenAi fake;
    private static RunningGateway gateway;
    private static PromptServiceBlockingStub prompts;

    @BeforeAll
    static void start() {
        fake = new FakeOpenAi();
        gateway = RunningGateway.start(
                PromptGateways.config(fake, PromptGateways.shippedTemplates(templates))
                              .withAuth(new AuthConfig(null, List.of(new ApiKeyConfig(
                                      "news-only", NEWS_ONLY, null, "news", List.of("prompts"),
                                      List.of("no-model"), List.of("news-*"), null, null, false, null, null)))));
        prompts = gateway.grpcClient(NEWS_ONLY).build(PromptServiceBlockingStub.class);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        fake.stop().join();
    }

    @BeforeEach
    void resetFake() {
        fake.reset();
    }

    @Test
    void aPromptInsideTheGlobsIsInvoked() {
        fake.answerWith(BEARISH);

        assertThat(prompts.invokePrompt(InvokePromptRequest.newBuilder()
                                                           .setPromptId("news-sentiment")
                                                           .setVariables(newsVariables("A venue hack"))
                                                           .build())
                          .getSource()).isEqualTo(Source.SOURCE_MODEL);
    }

    @Test
    void invokePromptOutsideTheGlobsIsDenied() {
        assertDenied(() -> prompts.invokePrompt(InvokePromptRequest.newBuilder()
                                                                   .setPromptId("execution-decision").build()));
    }

    @Test
    void getPromptOutsideTheGlobsIsDenied() {
        assertDenied(() -> prompts.getPrompt(GetPromptRequest.newBuilder()
                                                             .setPromptId("execution-decision").build()));
    }

    @Test
    void listPromptsShowsOnlyThePromptsInsideTheGlobs() {
        assertThat(prompts.listPrompts(ListPromptsRequest.getDefaultInstance()).getPromptsList())
                .extracting(PromptSummary::getPromptId)
                .containsExactly("news-sentiment");
    }

    @Test
    void theAdvisorOutsideTheGlobsIsDeniedNotAnsweredWithTheBaseline() {
        final ExecutionAdvisorServiceBlockingStub advisor =
                gateway.grpcClient(NEWS_ONLY).build(ExecutionAdvisorServiceBlockingStub.class);

        assertDenied(() -> advisor.executionDecision(AdvisorRequests.decision()));
        assertThat(fake.received()).isEmpty();
    }

    @Test
    void httpInvokeOutsideTheGlobsIsForbidden() {
        final AggregatedHttpResponse response = WebClient.of(gateway.httpUri()).blocking().execute(HttpRequest.of(
                RequestHeaders.builder(HttpMethod.POST, "/v1/prompts/execution-decision:invoke")
                              .contentType(MediaType.JSON_UTF_8)
                              .add("authorization", "Bearer " + NEWS_ONLY)
                              .build(),
                HttpData.ofUtf8("{\"variables\": {}}")));

        assertThat(response.status().code()).isEqualTo(403);
        assertThat(response.contentUtf8()).contains(DENIED);
    }

    private static void assertDenied(Runnable call) {
        final StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(e.getStatus().getDescription()).isEqualTo(DENIED);
    }
}
