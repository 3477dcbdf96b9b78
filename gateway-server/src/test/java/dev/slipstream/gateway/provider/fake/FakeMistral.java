package dev.slipstream.gateway.provider.fake;

import java.util.List;

/**
 * Mistral's chat completions API ({@code POST /v1/chat/completions}): OpenAI's shape, but usage has no
 * cache details, and a stream carries usage in its last content chunk, unasked, next to the finish reason.
 */
public final class FakeMistral extends FakeOpenAi {
    @Override
    protected List<String> streamEnd(ReceivedChat chat) {
        return List.of(data(chunk(chat, "{\"content\": \"\"}", "stop", usage())));
    }

    @Override
    protected String errorBody(int status, String message) {
        return """
                {"object": "error", "message": %s, "type": "%s", "param": null, "code": "%d"}
                """.formatted(quote(message), status == 429 ? "rate_limited" : "invalid_request_error", status);
    }

    @Override
    protected String usage() {
        return "{\"prompt_tokens\": %d, \"total_tokens\": %d, \"completion_tokens\": %d}"
                .formatted(PROMPT_TOKENS, PROMPT_TOKENS + COMPLETION_TOKENS, COMPLETION_TOKENS);
    }
}
