package dev.slipstream.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.FinishReason;
import dev.slipstream.gateway.chat.GenerationOptions;
import dev.slipstream.gateway.chat.ResponseFormat;
import dev.slipstream.gateway.chat.Role;
import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.chat.TokenUsage;

/** The offline provider: deterministic, honest about what it is, and faithful to the generation options. */
class LocalProviderTest {
    private static final TokenCounter TOKENS = new TokenCounter();
    /** Runs provider work on the calling thread, so that every call below completes before it returns. */
    private static final Executor DIRECT = Runnable::run;
    private static final List<ChatMessage> CONVERSATION = List.of(
            new ChatMessage(Role.SYSTEM, "Answer in one sentence."),
            new ChatMessage(Role.USER, "What is TWAP?"),
            new ChatMessage(Role.ASSISTANT, "A time-weighted average price."),
            new ChatMessage(Role.USER, "And VWAP?"));

    private final LocalProvider provider = new LocalProvider("local", TOKENS, DIRECT);

    @Test
    void replyIsDeterministicAndDescribesTheRequest() {
        final ProviderReply first = complete(GenerationOptions.DEFAULT);
        final ProviderReply second = complete(GenerationOptions.DEFAULT);

        assertThat(second).isEqualTo(first);
        assertThat(first.content()).isEqualTo(
                "[offline reply from the Slipstream local provider (model slipstream-local): no LLM was called] " +
                "Received 4 message(s) (1 system, 2 user, 1 assistant), " + TOKENS.countPrompt(CONVERSATION) +
                " prompt tokens. Last user message: \"And VWAP?\".");
        assertThat(first.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(first.providerModel()).isEqualTo("slipstream-local");
    }

    @Test
    void longUserMessageIsQuotedShortened() {
        final String longMessage = "a".repeat(500);
        final ProviderReply reply = provider.complete(new ProviderRequest(
                "slipstream-local", List.of(new ChatMessage(Role.USER, longMessage)),
                GenerationOptions.DEFAULT)).join();

        assertThat(reply.content()).contains('"' + "a".repeat(200) + "…\"").doesNotContain("a".repeat(201));
    }

    @Test
    void usageIsCountedByTheTokenizer() {
        final ProviderReply reply = complete(GenerationOptions.DEFAULT);

        assertThat(reply.usage()).isEqualTo(new TokenUsage(TOKENS.countPrompt(CONVERSATION),
                                                           TOKENS.count(reply.content()), 0, 0));
        assertThat(reply.usage().outputTokens()).isPositive();
    }

    @Test
    void stopSequenceCutsTheReplyBeforeIt() {
        final ProviderReply reply = complete(options(null, List.of("prompt tokens"), ResponseFormat.TEXT));

        assertThat(reply.content()).isEqualTo(
                "[offline reply from the Slipstream local provider (model slipstream-local): no LLM was called] " +
                "Received 4 message(s) (1 system, 2 user, 1 assistant), " + TOKENS.countPrompt(CONVERSATION) +
                ' ');
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(reply.usage().outputTokens()).isEqualTo(TOKENS.count(reply.content()));
    }

    @Test
    void earliestOfSeveralStopSequencesWins() {
        final ProviderReply reply = complete(options(null, List.of("Last user", "Received"), ResponseFormat.TEXT));

        assertThat(reply.content()).endsWith("no LLM was called] ").doesNotContain("Received", "Last user");
    }

    @Test
    void stopSequenceThatDoesNotOccurChangesNothing() {
        assertThat(complete(options(null, List.of("<END>"), ResponseFormat.TEXT)))
                .isEqualTo(complete(GenerationOptions.DEFAULT));
    }

    @Test
    void maxOutputTokensTruncatesAndFinishesWithLength() {
        final ProviderReply full = complete(GenerationOptions.DEFAULT);
        final ProviderReply reply = complete(options(5, List.of(), ResponseFormat.TEXT));

        assertThat(reply.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(full.content()).startsWith(reply.content());
        assertThat(reply.content()).isNotEmpty().hasSizeLessThan(full.content().length());
        assertThat(TOKENS.count(reply.content())).isLessThanOrEqualTo(5);
        assertThat(reply.usage().outputTokens()).isLessThanOrEqualTo(5);
    }

    @Test
    void maxOutputTokensAboveTheReplyLengthChangesNothing() {
        final ProviderReply full = complete(GenerationOptions.DEFAULT);

        assertThat(complete(options((int) full.usage().outputTokens(), List.of(), ResponseFormat.TEXT)))
                .isEqualTo(full);
    }

    @Test
    void jsonResponseFormatIsAJsonObjectDescribingTheRequest() throws Exception {
        final ProviderReply reply = complete(options(null, List.of(), ResponseFormat.JSON));

        final JsonNode json = new ObjectMapper().readTree(reply.content());
        assertThat(json.isObject()).isTrue();
        assertThat(json.get("offline").asBoolean()).isTrue();
        assertThat(json.get("provider").asText()).isEqualTo("local");
        assertThat(json.get("model").asText()).isEqualTo("slipstream-local");
        assertThat(json.get("received_messages").asInt()).isEqualTo(4);
        assertThat(json.get("prompt_tokens").asInt()).isEqualTo(TOKENS.countPrompt(CONVERSATION));
        assertThat(json.get("last_user_message").asText()).isEqualTo("And VWAP?");
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void streamedDeltasConcatenateToTheUnaryReply() {
        final GenerationOptions options = options(12, List.of("VWAP"), ResponseFormat.TEXT);
        final RecordingHandler handler = new RecordingHandler();

        provider.stream(new ProviderRequest("slipstream-local", CONVERSATION, options), handler);

        final ProviderReply unary = complete(options);
        assertThat(handler.deltas).hasSizeGreaterThan(1).allSatisfy(delta -> assertThat(delta).isNotEmpty());
        assertThat(String.join("", handler.deltas)).isEqualTo(unary.content());
        assertThat(handler.completed).containsExactly(unary);
        assertThat(handler.errors).isEmpty();
    }

    @Test
    void cancelledStreamCallsTheHandlerNoMore() {
        final List<Runnable> scheduled = new ArrayList<>();
        final LocalProvider queued = new LocalProvider("local", TOKENS, scheduled::add);
        final RecordingHandler handler = new RecordingHandler();

        queued.stream(new ProviderRequest("slipstream-local", CONVERSATION, GenerationOptions.DEFAULT), handler)
              .cancel();
        scheduled.forEach(Runnable::run);

        assertThat(scheduled).hasSize(1);
        assertThat(handler.deltas).isEmpty();
        assertThat(handler.completed).isEmpty();
    }

    private ProviderReply complete(GenerationOptions options) {
        return provider.complete(new ProviderRequest("slipstream-local", CONVERSATION, options)).join();
    }

    private static GenerationOptions options(@Nullable Integer maxOutputTokens, List<String> stops,
                                             ResponseFormat format) {
        return new GenerationOptions(null, null, maxOutputTokens, stops, format);
    }

    private static final class RecordingHandler implements ProviderStreamHandler {
        final List<String> deltas = new ArrayList<>();
        final List<ProviderReply> completed = new ArrayList<>();
        final List<Throwable> errors = new ArrayList<>();

        @Override
        public void onDelta(String text) {
            deltas.add(text);
        }

        @Override
        public void onComplete(ProviderReply reply) {
            completed.add(reply);
        }

        @Override
        public void onError(Throwable cause) {
            errors.add(cause);
        }
    }
}
