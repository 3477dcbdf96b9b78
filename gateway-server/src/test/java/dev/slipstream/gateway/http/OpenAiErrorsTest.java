package dev.slipstream.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpRequestWriter;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.config.ServerConfig;
import dev.slipstream.gateway.testing.RunningGateway;

/**
 * Every kind of bad request to {@code POST /v1/chat/completions} gets the right HTTP status and OpenAI's
 * error JSON, {@code {"error": {"message", "type", "param", "code"}}}, naming the parameter at fault; and the
 * gateway keeps serving afterwards.
 */
class OpenAiErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/v1/chat/completions";
    private static final long MAX_REQUEST_BYTES = 64 * 1024;
    private static final String GOOD_MESSAGES = "\"messages\": [{\"role\": \"user\", \"content\": \"hello\"}]";

    private static RunningGateway gateway;
    private static BlockingWebClient client;

    @BeforeAll
    static void start() {
        final GatewayConfig embedded = EmbeddedConfig.create(Map.of());
        gateway = RunningGateway.start(embedded.withServer(
                new ServerConfig(null, null, MAX_REQUEST_BYTES, null, null, null, null, null)));
        client = WebClient.of(gateway.httpUri()).blocking();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** Whatever a bad request did, the same gateway still answers a good one. */
    @AfterEach
    void stillServesGoodRequests() throws Exception {
        final AggregatedHttpResponse response = post("{\"model\": \"local\", " + GOOD_MESSAGES + '}');
        assertThat(response.status().code()).isEqualTo(200);
        assertThat(JSON.readTree(response.contentUtf8()).at("/choices/0/message/content").asText())
                .contains("hello");
    }

    /**
     * What the caller must get back.
     *
     * @param param {@code error.param}: the OpenAI parameter at fault, or null
     * @param messagePart what {@code error.message} must contain
     */
    record Expected(int status, String type, @Nullable String param, String code, String messagePart) {}

    static Stream<Arguments> badBodies() {
        return Stream.of(
                row("malformed JSON", "{\"model\": \"local\", \"messages\": [",
                    invalid("body", "body: not valid JSON")),
                row("empty body", "", invalid("body", "body: not a JSON object")),
                row("body not an object", "[{\"role\": \"user\"}]", invalid("body", "body: not a JSON object")),
                row("messages not an array", "{\"model\": \"local\", \"messages\": \"hello\"}",
                    invalid("messages", "messages: not an array")),
                row("no messages", "{\"model\": \"local\", \"messages\": []}",
                    invalid("messages", "messages: empty")),
                row("message not an object", "{\"model\": \"local\", \"messages\": [\"hello\"]}",
                    invalid("messages[0]", "messages[0]: not an object")),
                row("unknown role",
                    "{\"model\": \"local\", \"messages\": [{\"role\": \"wizard\", \"content\": \"hi\"}]}",
                    invalid("messages[0].role",
                            "messages[0].role: \"wizard\" (expected: system, developer, user or assistant)")),
                row("image content part",
                    "{\"model\": \"local\", \"messages\": [{\"role\": \"user\", \"content\": [" +
                    "{\"type\": \"text\", \"text\": \"what is this?\"}, " +
                    "{\"type\": \"image_url\", \"image_url\": {\"url\": \"https://example.com/a.png\"}}]}]}",
                    invalid("messages[0].content[1]",
                            "messages[0].content[1]: a 'image_url' part (expected: {\"type\": \"text\"")),
                row("missing model", '{' + GOOD_MESSAGES + '}', invalid("model", "model: empty")),
                row("model not a string", "{\"model\": 4, " + GOOD_MESSAGES + '}',
                    invalid("model", "model: 4 (expected: a string)")),
                row("unknown model", "{\"model\": \"gpt-9\", " + GOOD_MESSAGES + '}',
                    new Expected(404, "invalid_request_error", null, "model_not_found",
                                 "model 'gpt-9' not found (expected: one of the aliases [local]")),
                row("n = 2", "{\"model\": \"local\", \"n\": 2, " + GOOD_MESSAGES + '}',
                    invalid("n", "n: 2 (expected: 1; the gateway returns one choice)")),
                row("temperature 5", "{\"model\": \"local\", \"temperature\": 5, " + GOOD_MESSAGES + '}',
                    invalid("temperature", "temperature: 5.0 (expected: 0 to 2)")),
                row("temperature not a number",
                    "{\"model\": \"local\", \"temperature\": \"hot\", " + GOOD_MESSAGES + '}',
                    invalid("temperature", "temperature: \"hot\" (expected: a number)")),
                row("top_p 0", "{\"model\": \"local\", \"top_p\": 0, " + GOOD_MESSAGES + '}',
                    invalid("top_p", "top_p: 0.0 (expected: > 0 and <= 1)")),
                row("negative max_tokens", "{\"model\": \"local\", \"max_tokens\": -1, " + GOOD_MESSAGES + '}',
                    invalid("max_tokens", "max_tokens: -1 (expected: 1 to 65536)")),
                row("max_completion_tokens above the limit",
                    "{\"model\": \"local\", \"max_completion_tokens\": 1000000, " + GOOD_MESSAGES + '}',
                    invalid("max_completion_tokens", "max_completion_tokens: 1000000 (expected: 1 to 65536)")),
                row("too many stop sequences",
                    "{\"model\": \"local\", \"stop\": [\"a\", \"b\", \"c\", \"d\", \"e\"], " + GOOD_MESSAGES + '}',
                    invalid("stop", "stop: 5 sequences (expected: at most 4)")),
                row("empty stop sequence", "{\"model\": \"local\", \"stop\": [\"\"], " + GOOD_MESSAGES + '}',
                    invalid("stop[0]", "stop[0]: empty (expected: at least one character)")),
                row("unknown response format",
                    "{\"model\": \"local\", \"response_format\": {\"type\": \"xml\"}, " + GOOD_MESSAGES + '}',
                    invalid("response_format.type", "response_format.type: \"xml\" (expected: text,")),
                row("stream not a boolean", "{\"model\": \"local\", \"stream\": \"yes\", " + GOOD_MESSAGES + '}',
                    invalid("stream", "stream: \"yes\" (expected: true or false)")),
                row("metadata value not a string",
                    "{\"model\": \"local\", \"metadata\": {\"team\": 7}, " + GOOD_MESSAGES + '}',
                    invalid("metadata.team", "metadata.team: not a string")),
                row("stream with an unknown model",
                    "{\"model\": \"gpt-9\", \"stream\": true, " + GOOD_MESSAGES + '}',
                    new Expected(404, "invalid_request_error", null, "model_not_found", "model 'gpt-9' not found")),
                row("stream with temperature 5",
                    "{\"model\": \"local\", \"stream\": true, \"temperature\": 5, " + GOOD_MESSAGES + '}',
                    invalid("temperature", "temperature: 5.0 (expected: 0 to 2)")),
                row("stream with n = 2", "{\"model\": \"local\", \"stream\": true, \"n\": 2, " + GOOD_MESSAGES + '}',
                    invalid("n", "n: 2 (expected: 1")));
    }

    /** Streaming requests included: a request that fails before any token is a plain JSON error, not SSE. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badBodyIsOpenAiError(String body, Expected expected) throws Exception {
        assertOpenAiError(post(body), expected);
    }

    @Test
    void missingApiKeyIs401() throws Exception {
        final AggregatedHttpResponse response =
                client.prepare().post(PATH).content(MediaType.JSON, "{\"model\": \"local\", " + GOOD_MESSAGES + '}')
                      .execute();
        assertOpenAiError(response, new Expected(401, "authentication_error", null, "unauthenticated",
                                                 "missing API key"));
    }

    @Test
    void wrongApiKeyIs401() throws Exception {
        final AggregatedHttpResponse response =
                client.prepare().post(PATH).header("x-api-key", "not-the-key")
                      .content(MediaType.JSON, "{\"model\": \"local\", " + GOOD_MESSAGES + '}').execute();
        assertOpenAiError(response, new Expected(401, "authentication_error", null, "unauthenticated",
                                                 "invalid API key"));
    }

    @Test
    void bodyAboveMaxRequestBytesIs413() throws Exception {
        final String body = "{\"model\": \"local\", \"messages\": [{\"role\": \"user\", \"content\": \"" +
                            "x".repeat((int) MAX_REQUEST_BYTES) + "\"}]}";
        assertOpenAiError(post(body), new Expected(
                413, "invalid_request_error", null, "request_too_large",
                "request too large: " + body.length() +
                " bytes (expected: at most 65536 bytes, the server's max_request_bytes)"));
    }

    @Test
    void chunkedBodyAboveMaxRequestBytesIs413() throws Exception {
        // No content-length: the limit is only found out while the body streams in.
        final HttpRequestWriter request = HttpRequest.streaming(
                RequestHeaders.builder(HttpMethod.POST, PATH).contentType(MediaType.JSON)
                              .set("authorization", "Bearer " + RunningGateway.API_KEY).build());
        // Sent before the body is written, so that the client cannot know and send its length.
        final HttpResponse response = WebClient.of(gateway.httpUri()).execute(request);
        for (int i = 0; i < 8; i++) {
            request.write(HttpData.ofUtf8("x".repeat(16 * 1024)));
        }
        request.close();
        assertOpenAiError(response.aggregate().join(), new Expected(
                413, "invalid_request_error", null, "request_too_large",
                "request too large (expected: at most 65536 bytes, the server's max_request_bytes)"));
    }

    private static AggregatedHttpResponse post(String body) {
        return client.prepare().post(PATH).header("authorization", "Bearer " + RunningGateway.API_KEY)
                     .content(MediaType.JSON, body).execute();
    }

    private static void assertOpenAiError(AggregatedHttpResponse response, Expected expected) throws Exception {
        assertThat(response.status().code()).isEqualTo(expected.status());
        assertThat(response.contentType()).isNotNull();
        assertThat(response.contentType().is(MediaType.JSON)).as("content-type %s", response.contentType())
                                                             .isTrue();
        final JsonNode root = JSON.readTree(response.contentUtf8());
        assertThat(root.properties()).extracting(Map.Entry::getKey).containsExactly("error");
        final JsonNode error = root.get("error");
        assertThat(error.properties()).extracting(Map.Entry::getKey)
                                      .containsExactlyInAnyOrder("message", "type", "param", "code");
        assertThat(error.get("message").asText()).contains(expected.messagePart())
                                                 .doesNotContain("Exception", "\tat ");
        assertThat(error.get("type").asText()).isEqualTo(expected.type());
        if (expected.param() == null) {
            assertThat(error.get("param").isNull()).as("param is null").isTrue();
        } else {
            assertThat(error.get("param").asText()).isEqualTo(expected.param());
        }
        assertThat(error.get("code").asText()).isEqualTo(expected.code());
    }

    private static Arguments row(String kind, String body, Expected expected) {
        return Arguments.of(Named.of(kind, body), expected);
    }

    private static Expected invalid(String param, String messagePart) {
        return new Expected(400, "invalid_request_error", param, "invalid_argument", messagePart);
    }
}
