package dev.slipstream.gateway.provider.fake;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.server.ServiceRequestContext;

/**
 * OpenAI's chat completions API: {@code POST .../chat/completions}, which covers OpenAI and compatible
 * servers ({@code /v1/chat/completions}) and Azure ({@code /openai/deployments/{deployment}/chat/completions}
 * with an {@code api-key} header). Reports {@link #CACHED_PROMPT_TOKENS} inside {@code prompt_tokens}, and
 * streams usage in a last, choice-less chunk when asked to with {@code stream_options.include_usage}.
 */
public class FakeOpenAi extends FakeProvider {
    private final Deque<String> scriptedContents = new ConcurrentLinkedDeque<>();

    /**
     * Answers the following unary requests with these contents, one per request in order, the last one
     * repeating; {@link #reset()} returns to {@link #REPLY}.
     */
    public void answerWith(String... contents) {
        scriptedContents.clear();
        scriptedContents.addAll(List.of(contents));
    }

    @Override
    public void reset() {
        super.reset();
        scriptedContents.clear();
    }

    @Nullable
    @Override
    protected ReceivedChat read(ServiceRequestContext ctx, AggregatedHttpRequest request, JsonNode body) {
        if (!ctx.path().endsWith("/chat/completions")) {
            return null;
        }
        final List<ReceivedChat.Turn> turns = new ArrayList<>();
        body.path("messages").forEach(m -> turns.add(new ReceivedChat.Turn(m.path("role").asText(),
                                                                            text(m.path("content")))));
        final JsonNode maxTokens = body.has("max_tokens") ? body.path("max_tokens")
                                                           : body.path("max_completion_tokens");
        final String apiKey = request.headers().contains("api-key") ? request.headers().get("api-key")
                                                                     : bearer(request);
        return new ReceivedChat(ctx.path(), query(ctx), request.headers(), body, apiKey,
                                body.path("model").asText(), turns, body.path("stream").asBoolean(),
                                doubleOrNull(body.path("temperature")), intOrNull(maxTokens),
                                strings(body.path("stop")));
    }

    @Override
    protected HttpResponse reply(ReceivedChat chat) {
        return json("""
                {"id": "chatcmpl-fake", "object": "chat.completion", "created": 1700000000, "model": %s,
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": %s},
                              "logprobs": null, "finish_reason": "stop"}],
                 "usage": %s}
                """.formatted(quote(chat.model()), quote(nextContent()), usage()));
    }

    private String nextContent() {
        final String next = scriptedContents.size() > 1 ? scriptedContents.pollFirst() : scriptedContents.peekFirst();
        return next == null ? REPLY : next;
    }

    @Override
    protected final StreamedReply streamedReply(ReceivedChat chat) {
        final List<String> ending = new ArrayList<>(streamEnd(chat));
        ending.add(data("[DONE]"));
        return StreamedReply.events(
                List.of(data(chunk(chat, "{\"role\": \"assistant\", \"content\": \"\"}", null, null))),
                REPLY_CHUNKS.stream().map(text -> data(chunk(chat, "{\"content\": " + quote(text) + '}', null, null)))
                            .toList(),
                ending);
    }

    /** The events after the content: the finish reason, then usage in a choice-less chunk if asked for. */
    protected List<String> streamEnd(ReceivedChat chat) {
        final String finish = data(chunk(chat, "{}", "stop", null));
        if (!chat.body().path("stream_options").path("include_usage").asBoolean()) {
            return List.of(finish);
        }
        return List.of(finish, data(("{\"id\": \"chatcmpl-fake\", \"object\": \"chat.completion.chunk\", " +
                                     "\"created\": 1700000000, \"model\": %s, \"choices\": [], \"usage\": %s}")
                                            .formatted(quote(chat.model()), usage())));
    }

    @Override
    protected String errorBody(int status, String message) {
        final String type = status == 401 ? "invalid_request_error" : status == 429 ? "requests" : "server_error";
        return """
                {"error": {"message": %s, "type": "%s", "param": null, "code": null}}
                """.formatted(quote(message), type);
    }

    @Override
    protected HttpResponse malformedStream() {
        return eventStream(List.of(data("{\"id\": \"chatcmpl-fake\", \"choices\": [{\"delta"),
                                   data("[DONE]")));
    }

    /** One {@code chat.completion.chunk} on one line, as SSE data must be. */
    protected static String chunk(ReceivedChat chat, String delta, @Nullable String finishReason,
                                  @Nullable String usage) {
        return ("{\"id\": \"chatcmpl-fake\", \"object\": \"chat.completion.chunk\", \"created\": 1700000000, " +
                "\"model\": %s, \"choices\": [{\"index\": 0, \"delta\": %s, \"finish_reason\": %s}]%s}")
                .formatted(quote(chat.model()), delta, finishReason == null ? "null" : quote(finishReason),
                           usage == null ? "" : ", \"usage\": " + usage);
    }

    /** This API's usage object, on one line. */
    protected String usage() {
        return ("{\"prompt_tokens\": %d, \"completion_tokens\": %d, \"total_tokens\": %d, " +
                "\"prompt_tokens_details\": {\"cached_tokens\": %d}}")
                .formatted(PROMPT_TOKENS, COMPLETION_TOKENS, PROMPT_TOKENS + COMPLETION_TOKENS,
                           CACHED_PROMPT_TOKENS);
    }
}
