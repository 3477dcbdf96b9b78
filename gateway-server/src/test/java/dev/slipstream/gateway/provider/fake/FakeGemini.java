package dev.slipstream.gateway.provider.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.server.ServiceRequestContext;

/**
 * Google's Gemini API: {@code POST /v1beta/models/{model}:generateContent}, and
 * {@code :streamGenerateContent?alt=sse} streaming {@code GenerateContentResponse}s as SSE data, key in
 * {@code x-goog-api-key}. Usage: {@code promptTokenCount} includes the {@link #CACHED_PROMPT_TOKENS} of
 * {@code cachedContentTokenCount}; {@code candidatesTokenCount} excludes the {@link #THOUGHT_TOKENS} of
 * {@code thoughtsTokenCount}, which are billed as output.
 */
public final class FakeGemini extends FakeProvider {
    public static final int THOUGHT_TOKENS = 3;
    private static final Pattern CHAT_PATH = Pattern.compile(".*/models/([^/:]+):(generateContent|streamGenerateContent)");

    @Nullable
    @Override
    protected ReceivedChat read(ServiceRequestContext ctx, AggregatedHttpRequest request, JsonNode body) {
        final Matcher path = CHAT_PATH.matcher(ctx.path());
        if (!path.matches()) {
            return null;
        }
        final List<ReceivedChat.Turn> turns = new ArrayList<>();
        if (body.has("systemInstruction")) {
            turns.add(new ReceivedChat.Turn("system", text(body.path("systemInstruction").path("parts"))));
        }
        body.path("contents").forEach(c -> turns.add(new ReceivedChat.Turn(
                "model".equals(c.path("role").asText()) ? "assistant" : c.path("role").asText(), text(c.path("parts")))));
        final JsonNode config = body.path("generationConfig");
        return new ReceivedChat(ctx.path(), query(ctx), request.headers(), body,
                                request.headers().get("x-goog-api-key"), path.group(1), turns,
                                "streamGenerateContent".equals(path.group(2)),
                                doubleOrNull(config.path("temperature")), intOrNull(config.path("maxOutputTokens")),
                                strings(config.path("stopSequences")));
    }

    @Override
    protected HttpResponse reply(ReceivedChat chat) {
        return json(response(chat, REPLY, "STOP", usage(COMPLETION_TOKENS - THOUGHT_TOKENS, THOUGHT_TOKENS)));
    }

    @Override
    protected StreamedReply streamedReply(ReceivedChat chat) {
        // The last delta carries the finish reason: there is nothing after it.
        final List<String> events = new ArrayList<>();
        for (int i = 0; i < REPLY_CHUNKS.size(); i++) {
            final boolean last = i == REPLY_CHUNKS.size() - 1;
            // Every chunk carries the usage so far; only the last one is complete.
            events.add(data(response(chat, REPLY_CHUNKS.get(i), last ? "STOP" : null,
                                     last ? usage(COMPLETION_TOKENS - THOUGHT_TOKENS, THOUGHT_TOKENS)
                                          : usage(i + 1, 0))));
        }
        return StreamedReply.events(List.of(), events, List.of());
    }

    @Override
    protected String errorBody(int status, String message) {
        final String grpcStatus = switch (status) {
            case 401 -> "UNAUTHENTICATED";
            case 429 -> "RESOURCE_EXHAUSTED";
            default -> "INTERNAL";
        };
        return """
                {"error": {"code": %d, "message": %s, "status": "%s"}}
                """.formatted(status, quote(message), grpcStatus);
    }

    @Override
    protected HttpResponse malformedStream() {
        return eventStream(List.of(data("{\"candidates\": [{\"content\": {\"parts")));
    }

    /** A {@code GenerateContentResponse} on one line. */
    private static String response(ReceivedChat chat, String text, @Nullable String finishReason, String usage) {
        return ("{\"candidates\": [{\"content\": {\"parts\": [{\"text\": %s}], \"role\": \"model\"}%s, " +
                "\"index\": 0}], \"usageMetadata\": %s, \"modelVersion\": %s, \"responseId\": \"fake\"}")
                .formatted(quote(text), finishReason == null ? "" : ", \"finishReason\": \"" + finishReason + '"',
                           usage, quote(chat.model()));
    }

    private static String usage(int candidates, int thoughts) {
        return ("{\"promptTokenCount\": %d, \"candidatesTokenCount\": %d, \"thoughtsTokenCount\": %d, " +
                "\"cachedContentTokenCount\": %d, \"totalTokenCount\": %d}")
                .formatted(PROMPT_TOKENS, candidates, thoughts, CACHED_PROMPT_TOKENS,
                           PROMPT_TOKENS + candidates + thoughts);
    }
}
