package dev.slipstream.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.models.Model;

import dev.slipstream.gateway.testing.RunningGateway;

/**
 * The official OpenAI Java SDK works against the OpenAI-compatible surface unchanged. Response validation
 * is on, so a field the SDK requires but the gateway leaves out fails the test instead of going unnoticed.
 */
class OpenAiSdkTest {
    private static RunningGateway gateway;
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.embedded();
        client = sdkClient(RunningGateway.API_KEY);
    }

    @AfterAll
    static void stop() {
        client.close();
        gateway.close();
    }

    @Test
    void completionHasContentUsageAndStopReason() {
        final ChatCompletion completion = client.chat().completions().create(
                ChatCompletionCreateParams.builder().model("local").addUserMessage("What is TWAP?").build());

        assertThat(completion.choices()).hasSize(1);
        final ChatCompletion.Choice choice = completion.choices().get(0);
        assertThat(choice.message().content()).hasValueSatisfying(
                content -> assertThat(content).contains("What is TWAP?"));
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(completion.usage()).hasValueSatisfying(OpenAiSdkTest::assertConsistentUsage);
    }

    @Test
    void streamedDeltasFormTheReplyAndTheLastChunkCarriesUsage() {
        final ChatCompletionCreateParams params =
                ChatCompletionCreateParams.builder().model("local").addUserMessage("stream please")
                                          .streamOptions(ChatCompletionStreamOptions.builder()
                                                                                    .includeUsage(true).build())
                                          .build();
        final List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            chunks = stream.stream().toList();
        }

        final StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append)));
        assertThat(text.toString()).isNotBlank().contains("stream please");
        // As with OpenAI, one id and one model name for the whole stream.
        assertThat(chunks).extracting(ChatCompletionChunk::id).containsOnly(chunks.get(0).id());
        assertThat(chunks).extracting(ChatCompletionChunk::model).containsOnly(chunks.get(0).model());
        assertThat(chunks).flatExtracting(ChatCompletionChunk::choices)
                          .extracting(c -> c.finishReason().orElse(null))
                          .containsOnlyOnce(ChatCompletionChunk.Choice.FinishReason.STOP);

        final ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.choices()).isEmpty();
        assertThat(last.usage()).hasValueSatisfying(OpenAiSdkTest::assertConsistentUsage);
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.usage()).isEmpty());
    }

    @Test
    void modelListContainsLocal() {
        assertThat(client.models().list().data()).extracting(Model::id).contains("local");
    }

    @Test
    void wrongApiKeyIsUnauthorized() {
        final OpenAIClient wrongKey = sdkClient("not-the-key");
        try {
            assertThatThrownBy(() -> wrongKey.models().list())
                    .isInstanceOfSatisfying(UnauthorizedException.class,
                                            e -> assertThat(e.statusCode()).isEqualTo(401));
        } finally {
            wrongKey.close();
        }
    }

    @Test
    void emptyMessagesAreABadRequestNamingTheField() {
        assertThatThrownBy(() -> client.chat().completions().create(
                ChatCompletionCreateParams.builder().model("local").messages(List.of()).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("messages");
                    assertThat(e.param()).hasValue("messages");
                });
    }

    @Test
    void outOfRangeTemperatureIsABadRequestNamingTheField() {
        assertThatThrownBy(() -> client.chat().completions().create(
                ChatCompletionCreateParams.builder().model("local").addUserMessage("hi").temperature(5.0).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.getMessage()).contains("temperature");
                    assertThat(e.param()).hasValue("temperature");
                });
    }

    @Test
    void zeroMaxCompletionTokensIsABadRequestNamingTheField() {
        assertThatThrownBy(() -> client.chat().completions().create(
                ChatCompletionCreateParams.builder().model("local").addUserMessage("hi").maxCompletionTokens(0)
                                          .build()))
                .isInstanceOfSatisfying(BadRequestException.class,
                                        e -> assertThat(e.param()).hasValue("max_completion_tokens"));
    }

    private static void assertConsistentUsage(CompletionUsage usage) {
        assertThat(usage.promptTokens()).isPositive();
        assertThat(usage.completionTokens()).isPositive();
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
    }

    private static OpenAIClient sdkClient(String apiKey) {
        return OpenAIOkHttpClient.builder()
                                 .baseUrl(gateway.httpUri() + "/v1")
                                 .apiKey(apiKey)
                                 .responseValidation(true)
                                 .maxRetries(0)
                                 .timeout(Duration.ofSeconds(10))
                                 .build();
    }
}
