package dev.slipstream.gateway.provider.fake;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.server.ServiceRequestContext;

/**
 * Anthropic's Messages API: {@code POST /v1/messages} with {@code x-api-key}, streamed as named events
 * ({@code message_start} … {@code message_stop}). Like the real API it reports cache reads and writes
 * outside {@code input_tokens}: {@link #CACHED_PROMPT_TOKENS} read and {@link #CACHE_WRITE_TOKENS} written,
 * so that the three add up to {@link #PROMPT_TOKENS}.
 */
public final class FakeAnthropic extends FakeProvider {
    public static final int CACHE_WRITE_TOKENS = 4;
    private static final int UNCACHED_INPUT_TOKENS = PROMPT_TOKENS - CACHED_PROMPT_TOKENS - CACHE_WRITE_TOKENS;

    @Nullable
    @Override
    protected ReceivedChat read(ServiceRequestContext ctx, AggregatedHttpRequest request, JsonNode body) {
        if (!ctx.path().endsWith("/messages")) {
            return null;
        }
        final List<ReceivedChat.Turn> turns = new ArrayList<>();
        if (!body.path("system").isMissingNode()) {
            turns.add(new ReceivedChat.Turn("system", text(body.path("system"))));
        }
        body.path("messages").forEach(m -> turns.add(new ReceivedChat.Turn(m.path("role").asText(),
                                                                            text(m.path("content")))));
        return new ReceivedChat(ctx.path(), query(ctx), request.headers(), body, request.headers().get("x-api-key"),
                                body.path("model").asText(), turns, body.path("stream").asBoolean(),
                                doubleOrNull(body.path("temperature")), intOrNull(body.path("max_tokens")),
                                strings(body.path("stop_sequences")));
    }

    @Override
    protected HttpResponse reply(ReceivedChat chat) {
        return json("""
                {"id": "msg_fake", "type": "message", "role": "assistant", "model": %s,
                 "content": [{"type": "text", "text": %s}],
                 "stop_reason": "end_turn", "stop_sequence": null,
                 "usage": {"input_tokens": %d, "cache_creation_input_tokens": %d, "cache_read_input_tokens": %d,
                           "output_tokens": %d}}
                """.formatted(quote(chat.model()), quote(REPLY), UNCACHED_INPUT_TOKENS, CACHE_WRITE_TOKENS,
                              CACHED_PROMPT_TOKENS, COMPLETION_TOKENS));
    }

    @Override
    protected StreamedReply streamedReply(ReceivedChat chat) {
        final List<String> opening = new ArrayList<>();
        opening.add(event("message_start", """
                {"type": "message_start", "message": {"id": "msg_fake", "type": "message", "role": "assistant", \
                "model": %s, "content": [], "stop_reason": null, "stop_sequence": null, "usage": \
                {"input_tokens": %d, "cache_creation_input_tokens": %d, "cache_read_input_tokens": %d, \
                "output_tokens": 1}}}""".formatted(quote(chat.model()), UNCACHED_INPUT_TOKENS, CACHE_WRITE_TOKENS,
                                                   CACHED_PROMPT_TOKENS)));
        opening.add(event("content_block_start",
                          "{\"type\": \"content_block_start\", \"index\": 0, " +
                          "\"content_block\": {\"type\": \"text\", \"text\": \"\"}}"));
        opening.add(event("ping", "{\"type\": \"ping\"}"));
        final List<String> deltas = REPLY_CHUNKS.stream().map(text -> event(
                "content_block_delta", "{\"type\": \"content_block_delta\", \"index\": 0, " +
                                       "\"delta\": {\"type\": \"text_delta\", \"text\": " + quote(text) + "}}"))
                                                .toList();
        final List<String> ending = List.of(
                event("content_block_stop", "{\"type\": \"content_block_stop\", \"index\": 0}"),
                event("message_delta", "{\"type\": \"message_delta\", \"delta\": {\"stop_reason\": " +
                                       "\"end_turn\", \"stop_sequence\": null}, \"usage\": {\"output_tokens\": " +
                                       COMPLETION_TOKENS + "}}"),
                event("message_stop", "{\"type\": \"message_stop\"}"));
        return StreamedReply.events(opening, deltas, ending);
    }

    @Override
    protected String errorBody(int status, String message) {
        final String type = switch (status) {
            case 401 -> "authentication_error";
            case 429 -> "rate_limit_error";
            default -> "api_error";
        };
        return """
                {"type": "error", "error": {"type": "%s", "message": %s}}
                """.formatted(type, quote(message));
    }

    @Override
    protected HttpResponse malformedStream() {
        return eventStream(List.of(event("message_start", "{\"type\": \"message_start\", \"message\": {\"id")));
    }

    private static String event(String name, String json) {
        return "event: " + name + '\n' + data(json);
    }
}
