package dev.slipstream.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;

import dev.slipstream.api.gateway.v1.GetPromptRequest;
import dev.slipstream.api.gateway.v1.GetPromptResponse;
import dev.slipstream.api.gateway.v1.InvokePromptRequest;
import dev.slipstream.api.gateway.v1.InvokePromptResponse;
import dev.slipstream.api.gateway.v1.ListPromptsRequest;
import dev.slipstream.api.gateway.v1.PromptServiceGrpc.PromptServiceBlockingStub;
import dev.slipstream.api.gateway.v1.PromptSummary;
import dev.slipstream.api.gateway.v1.Source;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.testing.PromptGateways;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** PromptService over gRPC with the generic news-sentiment template and a scripted OpenAI wire fake. */
class PromptServiceTest {
    static final String BEARISH = """
            {"sentiment": "BEARISH", "score": -0.6, "relevance": 0.9,
             "rationale": "A venue hack revives custody fears."}""";

    @TempDir
    static Path templates;
    private static FakeOpenAi fake;
    private static RunningGateway gateway;
    private static PromptServiceBlockingStub prompts;

    @BeforeAll
    static void start() {
        fake = new FakeOpenAi();
        gateway = PromptGateways.startWithShippedTemplates(fake, templates);
        prompts = gateway.grpcClient().build(PromptServiceBlockingStub.class);
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

    static Struct newsVariables(String headline) {
        return Struct.newBuilder()
                     .putFields("asset", Value.newBuilder().setStringValue("BTC").build())
                     .putFields("headline", Value.newBuilder().setStringValue(headline).build())
                     .build();
    }

    @Test
    void invokePromptReturnsTheValidatedOutputAsAStruct() {
        fake.answerWith(BEARISH);

        final InvokePromptResponse response = prompts.invokePrompt(
                InvokePromptRequest.newBuilder()
                                   .setPromptId("news-sentiment")
                                   .setVariables(newsVariables("Exchange halts withdrawals after a hack"))
                                   .build());

        assertThat(response.getSource()).isEqualTo(Source.SOURCE_MODEL);
        assertThat(response.getVersion()).isEqualTo(1);
        assertThat(response.getOutput().getFieldsOrThrow("sentiment").getStringValue()).isEqualTo("BEARISH");
        assertThat(response.getOutput().getFieldsOrThrow("score").getNumberValue()).isEqualTo(-0.6);
        assertThat(response.getRawText()).isEqualTo(BEARISH);
        assertThat(response.getProvider()).isEqualTo("fake");
        assertThat(response.getProviderModel()).isEqualTo(PromptGateways.FAKE_MODEL);
        assertThat(response.getModelCalls()).isEqualTo(1);
        assertThat(response.getUsage().getInputTokens()).isEqualTo(FakeOpenAi.PROMPT_TOKENS);
        assertThat(fake.received().getFirst().turns().getLast().text())
                .contains("<data name=\"headline\">\n\"Exchange halts withdrawals after a hack\"\n</data>");
    }

    @Test
    void aGenericTemplateWithoutAValidAnswerReportsTheBaselineWithoutOutput() {
        fake.answerWith("{\"sentiment\": \"BULLISH\", \"score\": 3, \"relevance\": 1, \"rationale\": \"x\"}");

        final InvokePromptResponse response = prompts.invokePrompt(
                InvokePromptRequest.newBuilder().setPromptId("news-sentiment")
                                   .setVariables(newsVariables("ETF inflows")).build());

        assertThat(response.getSource()).isEqualTo(Source.SOURCE_BASELINE);
        assertThat(response.hasOutput()).isFalse();
        assertThat(response.getBaselineReason()).contains("score: 3 (expected: within [-1, 1])");
        assertThat(response.getBaselineDescription()).startsWith("NEUTRAL");
        assertThat(response.getViolationsList()).containsExactly(
                "attempt 1: score: 3 (expected: within [-1, 1])", "attempt 2: score: 3 (expected: within [-1, 1])");
    }

    @Test
    void listAndGetDescribeTheLoadedTemplates() {
        assertThat(prompts.listPrompts(ListPromptsRequest.getDefaultInstance()).getPromptsList())
                .extracting(PromptSummary::getPromptId)
                .containsExactly("execution-decision", "impact-adjustment", "news-sentiment");

        final GetPromptResponse news = prompts.getPrompt(GetPromptRequest.newBuilder()
                                                                         .setPromptId("news-sentiment").build());
        assertThat(news.getVersion()).isEqualTo(1);
        assertThat(news.getVersionsList()).containsExactly(1);
        assertThat(news.getModel()).isEqualTo("news-analyst");
        assertThat(news.getVariablesList()).extracting(v -> v.getName() + ':' + v.getType() + ':' + v.getRequired())
                                           .containsExactly("asset:string:true", "source:string:false",
                                                            "headline:string:true", "body:string:false");
        assertThat(news.getOutputSchema().getFieldsOrThrow("required").getListValue().getValuesCount()).isEqualTo(4);
    }

    @Test
    void invokePromptIsTranscodedToHttpJson() throws Exception {
        fake.answerWith(BEARISH);

        final AggregatedHttpResponse response = WebClient.of(gateway.httpUri()).blocking().execute(
                RequestHeaders.builder(HttpMethod.POST, "/gateway/v1/prompts/news-sentiment:invoke")
                              .contentType(MediaType.JSON_UTF_8)
                              .add("authorization", "Bearer " + RunningGateway.API_KEY)
                              .build(),
                "{\"variables\": {\"asset\": \"BTC\", \"headline\": \"Exchange hacked\"}}");

        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        final JsonNode body = new ObjectMapper().readTree(response.contentUtf8());
        assertThat(body.get("source").asText()).isEqualTo("SOURCE_MODEL");
        assertThat(body.get("output").get("sentiment").asText()).isEqualTo("BEARISH");
    }

    @Test
    void unknownPromptIsNotFound() throws InvalidProtocolBufferException {
        final StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> prompts.invokePrompt(
                InvokePromptRequest.newBuilder().setPromptId("no-such-prompt").build()));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(StatusProto.fromThrowable(e).getDetails(0).unpack(ErrorInfo.class).getReason())
                .isEqualTo("PROMPT_NOT_FOUND");
        assertThat(fake.received()).isEmpty();
    }

    @Test
    void unknownVersionIsNotFound() {
        final StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> prompts.getPrompt(
                GetPromptRequest.newBuilder().setPromptId("news-sentiment").setVersion(7).build()));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(e.getStatus().getDescription())
                .isEqualTo("prompt 'news-sentiment' version 7 not found (expected one of: [1])");
    }

    @Test
    void badVariablesAreInvalidArgumentNamingEachField() throws InvalidProtocolBufferException {
        final Struct variables = newsVariables("x".repeat(301)).toBuilder()
                                                                 .putFields("mood", Value.newBuilder()
                                                                                         .setStringValue("happy")
                                                                                         .build())
                                                                 .build();

        final StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> prompts.invokePrompt(
                InvokePromptRequest.newBuilder().setPromptId("news-sentiment").setVariables(variables).build()));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        final BadRequest badRequest = StatusProto.fromThrowable(e).getDetailsList().stream()
                                                 .filter(any -> any.is(BadRequest.class))
                                                 .findFirst().orElseThrow().unpack(BadRequest.class);
        assertThat(badRequest.getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField)
                                                       .containsExactlyInAnyOrder("variables.headline",
                                                                                  "variables.mood");
        assertThat(fake.received()).isEmpty();
    }
}
