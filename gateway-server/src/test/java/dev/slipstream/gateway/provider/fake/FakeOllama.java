package dev.slipstream.gateway.provider.fake;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.server.ServiceRequestContext;

/**
 * Ollama's native chat API: {@code POST /api/chat}, one JSON object, or newline-delimited JSON chunks when
 * {@code stream} is true (Ollama's default), the last one {@code done} with {@code prompt_eval_count} and
 * {@code eval_count}.
 */
public final class FakeOllama extends FakeProvider {
    @Nullable
    @Override
    protected ReceivedChat read(ServiceRequestContext ctx, AggregatedHttpRequest request, JsonNode body) {
        if (!"/api/chat".equals(ctx.path())) {
            return null;
        }
        final List<ReceivedChat.Turn> turns = new ArrayList<>();
        body.path("messages").forEach(m -> turns.add(new ReceivedChat.Turn(m.path("role").asText(),
                                                                            m.path("content").asText())));
        final JsonNode options = body.path("options");
        return new ReceivedChat(ctx.path(), query(ctx), request.headers(), body, bearer(request),
                                body.path("model").asText(), turns, body.path("stream").asBoolean(true),
                                doubleOrNull(options.path("temperature")), intOrNull(options.path("num_predict")),
                                strings(options.path("stop")));
    }

    @Override
    protected HttpResponse reply(ReceivedChat chat) {
        return json(done(chat, REPLY));
    }

    @Override
    protected StreamedReply streamedReply(ReceivedChat chat) {
        return StreamedReply.ndjson(REPLY_CHUNKS.stream().map(text -> delta(chat, text)).toList(),
                                    List.of(done(chat, "")));
    }

    @Override
    protected String errorBody(int status, String message) {
        return "{\"error\": " + quote(message) + '}';
    }

    @Override
    protected HttpResponse malformedStream() {
        return ndjson(List.of("{\"model\": \"llama3.2\", \"message\": {\"role"));
    }

    /** One streamed object before the last, with {@code text}. */
    private static String delta(ReceivedChat chat, String text) {
        return ("{\"model\": %s, \"created_at\": \"2025-01-01T00:00:00Z\", \"message\": {\"role\": \"assistant\", " +
                "\"content\": %s}, \"done\": false}").formatted(quote(chat.model()), quote(text));
    }

    /** The final object: the reply (or nothing more, when streaming), finish reason, counts and timings. */
    private static String done(ReceivedChat chat, String content) {
        return ("{\"model\": %s, \"created_at\": \"2025-01-01T00:00:00Z\", \"message\": {\"role\": \"assistant\", " +
                "\"content\": %s}, \"done_reason\": \"stop\", \"done\": true, \"total_duration\": 5000000, " +
                "\"load_duration\": 100000, \"prompt_eval_count\": %d, \"prompt_eval_duration\": 1000000, " +
                "\"eval_count\": %d, \"eval_duration\": 3000000}")
                .formatted(quote(chat.model()), quote(content), PROMPT_TOKENS, COMPLETION_TOKENS);
    }
}
