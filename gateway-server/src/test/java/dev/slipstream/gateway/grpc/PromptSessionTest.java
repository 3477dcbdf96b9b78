package dev.slipstream.gateway.grpc;

import static dev.slipstream.gateway.advisor.AdvisorRequests.VALID_DECISION;
import static dev.slipstream.gateway.advisor.AdvisorRequests.VALID_IMPACT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;

import dev.slipstream.api.execution.v1.ExecutionAdvisorServiceGrpc.ExecutionAdvisorServiceBlockingStub;
import dev.slipstream.api.execution.v1.ExecutionDecisionResponse;
import dev.slipstream.api.execution.v1.Source;
import dev.slipstream.api.gateway.v1.CreateSessionRequest;
import dev.slipstream.api.gateway.v1.GetSessionRequest;
import dev.slipstream.api.gateway.v1.InvokePromptRequest;
import dev.slipstream.api.gateway.v1.InvokePromptResponse;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.PromptServiceGrpc.PromptServiceBlockingStub;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.api.gateway.v1.SessionServiceGrpc.SessionServiceBlockingStub;
import dev.slipstream.gateway.advisor.AdvisorRequests;
import dev.slipstream.gateway.config.ApiKeyConfig;
import dev.slipstream.gateway.config.AuthConfig;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.provider.fake.ReceivedChat.Turn;
import dev.slipstream.gateway.testing.PromptGateways;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Prompt calls with a {@code session_id} (gRPC, and the HTTP route): the model sees the template's system message, then the session's
 * window, then this call's user message; a valid answer is appended to the session as one turn (a baseline
 * is not); another tenant's session, or an unknown one, is NOT_FOUND.
 */
class PromptSessionTest {
    private static final String OTHER_TENANT_KEY = "other-tenant-key-0123456789";
    private static final String DESK_NOTES = "Desk notes: the client prefers passive fills.";
    private static final String BEARISH = """
            {"sentiment": "BEARISH", "score": -0.6, "relevance": 0.9, "rationale": "Custody fears."}""";

    @TempDir
    static Path templates;
    private static FakeOpenAi fake;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        fake = new FakeOpenAi();
        gateway = RunningGateway.start(
                PromptGateways.config(fake, PromptGateways.shippedTemplates(templates))
                              .withAuth(new AuthConfig(null, List.of(ApiKeyConfig.ofKey(OTHER_TENANT_KEY,
                                                                                        "other-desk")))));
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
    void decisionsSeeTheSessionAndAreAppendedToIt() {
        final String session = newSession();
        fake.answerWith(VALID_DECISION);
        final ExecutionAdvisorServiceBlockingStub advisor =
                gateway.grpcClient().build(ExecutionAdvisorServiceBlockingStub.class);

        final ExecutionDecisionResponse first = advisor.executionDecision(
                AdvisorRequests.decision().toBuilder().setSessionId(session).build());
        final ExecutionDecisionResponse second = advisor.executionDecision(
                AdvisorRequests.decision().toBuilder().setSessionId(session).build());

        assertThat(first.getSource()).isEqualTo(Source.SOURCE_MODEL);
        assertThat(second.getSource()).isEqualTo(Source.SOURCE_MODEL);
        final List<Turn> firstPrompt = fake.received().get(0).turns();
        final List<Turn> secondPrompt = fake.received().get(1).turns();
        final Turn templateSystem = firstPrompt.getFirst();
        final Turn userMessage = firstPrompt.getLast();
        assertThat(templateSystem.role()).isEqualTo("system");
        assertThat(firstPrompt.subList(firstPrompt.size() - 2, firstPrompt.size()))
                .containsExactly(new Turn("system", DESK_NOTES), userMessage);
        // The second call sees the first one's turn, between the session's system message and its own.
        assertThat(secondPrompt.getFirst()).isEqualTo(templateSystem);
        assertThat(secondPrompt.subList(secondPrompt.size() - 4, secondPrompt.size()))
                .containsExactly(new Turn("system", DESK_NOTES), userMessage,
                                 new Turn("assistant", VALID_DECISION), userMessage);
        assertThat(messages(session)).extracting(Message::getRole, Message::getContent).containsExactly(
                tuple(Role.ROLE_SYSTEM, DESK_NOTES),
                tuple(Role.ROLE_USER, userMessage.text()),
                tuple(Role.ROLE_ASSISTANT, VALID_DECISION),
                tuple(Role.ROLE_USER, userMessage.text()),
                tuple(Role.ROLE_ASSISTANT, VALID_DECISION));
    }

    @Test
    void invokePromptAndImpactAdjustmentTakeASessionToo() {
        final String session = newSession();
        fake.answerWith(BEARISH);
        final InvokePromptResponse invoked = gateway.grpcClient().build(PromptServiceBlockingStub.class)
                .invokePrompt(InvokePromptRequest.newBuilder().setPromptId("news-sentiment").setSessionId(session)
                                                 .setVariables(PromptServiceTest.newsVariables("Exchange hacked"))
                                                 .build());
        fake.answerWith(VALID_IMPACT);
        gateway.grpcClient().build(ExecutionAdvisorServiceBlockingStub.class).impactAdjustment(
                AdvisorRequests.impact().toBuilder().setSessionId(session).build());

        assertThat(invoked.getSource()).isEqualTo(dev.slipstream.api.gateway.v1.Source.SOURCE_MODEL);
        assertThat(fake.received().get(1).turns()).contains(new Turn("assistant", BEARISH));
        assertThat(messages(session)).extracting(Message::getContent).contains(BEARISH, VALID_IMPACT);
        assertThat(messages(session)).hasSize(5);
    }

    @Test
    void aBaselineAnswerIsNotAppended() {
        final String session = newSession();
        fake.answerWith("not JSON at all");

        final ExecutionDecisionResponse response =
                gateway.grpcClient().build(ExecutionAdvisorServiceBlockingStub.class).executionDecision(
                        AdvisorRequests.decision().toBuilder().setSessionId(session).build());

        assertThat(response.getSource()).isEqualTo(Source.SOURCE_BASELINE);
        assertThat(messages(session)).hasSize(1);
    }

    @Test
    void anotherTenantsSessionIsNotFoundAndNothingIsAsked() {
        final String session = newSession();
        final ExecutionAdvisorServiceBlockingStub otherTenant =
                gateway.grpcClient(OTHER_TENANT_KEY).build(ExecutionAdvisorServiceBlockingStub.class);

        final StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                () -> otherTenant.executionDecision(
                        AdvisorRequests.decision().toBuilder().setSessionId(session).build()));
        final StatusRuntimeException unknown = catchThrowableOfType(StatusRuntimeException.class,
                () -> gateway.grpcClient().build(PromptServiceBlockingStub.class).invokePrompt(
                        InvokePromptRequest.newBuilder().setPromptId("news-sentiment").setSessionId("no-such")
                                           .setVariables(PromptServiceTest.newsVariables("x")).build()));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(fake.received()).isEmpty();
        assertThat(messages(session)).hasSize(1);
    }

    @Test
    void theHttpRouteTakesASessionToo() {
        final String session = newSession();
        fake.answerWith(BEARISH);
        final String body = "{\"variables\": {\"asset\": \"BTC\", \"headline\": \"Exchange hacked\"}, " +
                            "\"session_id\": \"" + session + "\"}";

        final AggregatedHttpResponse invoked = invokeOverHttp(RunningGateway.API_KEY, body);
        final AggregatedHttpResponse otherTenant = invokeOverHttp(OTHER_TENANT_KEY, body);
        final AggregatedHttpResponse notAString = invokeOverHttp(
                RunningGateway.API_KEY, "{\"variables\": {\"asset\": \"BTC\", \"headline\": \"x\"}, " +
                                        "\"session_id\": 7}");

        assertThat(invoked.status().code()).as(invoked.contentUtf8()).isEqualTo(200);
        assertThat(messages(session)).extracting(Message::getContent).endsWith(BEARISH);
        assertThat(messages(session)).hasSize(3);
        assertThat(otherTenant.status().code()).isEqualTo(404);
        assertThat(notAString.status().code()).isEqualTo(400);
        assertThat(notAString.contentUtf8()).contains("session_id: number (expected: a session id string)");
        assertThat(fake.received()).hasSize(1);
    }

    private static AggregatedHttpResponse invokeOverHttp(String apiKey, String body) {
        // Built from headers: the request builder would read ':invoke' as a path parameter.
        return BlockingWebClient.of(gateway.httpUri()).execute(HttpRequest.of(
                RequestHeaders.builder(HttpMethod.POST, "/v1/prompts/news-sentiment:invoke")
                              .add("authorization", "Bearer " + apiKey).contentType(MediaType.JSON_UTF_8).build(),
                HttpData.ofUtf8(body)));
    }

    private static String newSession() {
        return sessions().createSession(CreateSessionRequest.newBuilder().addMessages(
                Message.newBuilder().setRole(Role.ROLE_SYSTEM).setContent(DESK_NOTES)).build()).getSession().getId();
    }

    private static List<Message> messages(String session) {
        return sessions().getSession(GetSessionRequest.newBuilder().setSessionId(session).build()).getSession()
                         .getMessagesList();
    }

    private static SessionServiceBlockingStub sessions() {
        return gateway.grpcClient().build(SessionServiceBlockingStub.class);
    }
}
