package dev.slipstream.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.RequestHeadersBuilder;
import com.linecorp.armeria.common.HttpMethod;

import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.testing.PromptGateways;
import dev.slipstream.gateway.testing.RunningGateway;

/** {@code POST /v1/prompts/{id}:invoke} with the generic news-sentiment template. */
class PromptHttpServiceTest {
    private static final String BODY = "{\"variables\": {\"asset\": \"BTC\", \"headline\": \"ETF inflows\"}}";
    private static final String BULLISH =
            "{\"sentiment\": \"BULLISH\", \"score\": 0.4, \"relevance\": 0.7, \"rationale\": \"Inflows.\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path templates;
    private static FakeOpenAi fake;
    private static RunningGateway gateway;
    private static BlockingWebClient http;

    @BeforeAll
    static void start() {
        fake = new FakeOpenAi();
        gateway = PromptGateways.startWithShippedTemplates(fake, templates);
        http = WebClient.of(gateway.httpUri()).blocking();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        fake.stop().join();
    }

    private static AggregatedHttpResponse post(String path, String body, boolean withKey) {
        final RequestHeadersBuilder headers = RequestHeaders.builder(HttpMethod.POST, path)
                                                             .contentType(MediaType.JSON_UTF_8);
        if (withKey) {
            headers.add("authorization", "Bearer " + RunningGateway.API_KEY);
        }
        return http.execute(HttpRequest.of(headers.build(), HttpData.ofUtf8(body)));
    }

    @Test
    void invokeReturnsTheStructuredOutput() throws Exception {
        fake.answerWith(BULLISH);

        final AggregatedHttpResponse response = post("/v1/prompts/news-sentiment:invoke",
                                                     BODY.replace("}}", "}, \"version\": 1}"), true);

        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        final JsonNode body = JSON.readTree(response.contentUtf8());
        assertThat(body.get("output")).isEqualTo(JSON.readTree(BULLISH));
        assertThat(body.get("source").asText()).isEqualTo("MODEL");
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("provider").asText()).isEqualTo("fake");
        assertThat(body.get("usage").get("input_tokens").asInt()).isEqualTo(FakeOpenAi.PROMPT_TOKENS);
    }

    @Test
    void withoutAKeyIsUnauthorized() {
        final AggregatedHttpResponse response = post("/v1/prompts/news-sentiment:invoke", BODY, false);

        assertThat(response.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void unknownPromptIsNotFound() throws Exception {
        final AggregatedHttpResponse response = post("/v1/prompts/no-such-prompt:invoke", BODY, true);

        assertThat(response.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(JSON.readTree(response.contentUtf8()).get("error").get("code").asText())
                .isEqualTo("prompt_not_found");
    }

    @Test
    void badVariablesAreA400NamingTheField() throws Exception {
        final AggregatedHttpResponse response = post("/v1/prompts/news-sentiment:invoke",
                                                     "{\"variables\": {\"asset\": \"BTC\"}}", true);

        assertThat(response.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        final JsonNode error = JSON.readTree(response.contentUtf8()).get("error");
        assertThat(error.get("param").asText()).isEqualTo("variables.headline");
        assertThat(error.get("message").asText()).startsWith("variables.headline: missing");
    }

    @Test
    void malformedBodyFieldsAreA400() throws Exception {
        final AggregatedHttpResponse response = post("/v1/prompts/news-sentiment:invoke",
                                                     "{\"variables\": [], \"version\": 0, \"model\": \"x\"}", true);

        assertThat(response.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(response.contentUtf8()).get("error").get("message").asText())
                .contains("model: unknown field (expected: variables, version, session_id)",
                          "variables: array (expected: an object keyed by variable name)",
                          "version: 0 (expected: a version number >= 1, or no version for the newest)");
    }
}
