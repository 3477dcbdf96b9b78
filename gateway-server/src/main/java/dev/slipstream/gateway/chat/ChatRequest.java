package dev.slipstream.gateway.chat;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A chat request as the gateway sees it, whichever surface (gRPC or OpenAI-compatible HTTP) it came
 * from. Not yet validated: see {@link ChatRequestValidator}.
 *
 * @param model an alias from the configuration, or {@code provider/model}
 * @param requestId the caller's id for this request; empty when the caller gave none
 */
public record ChatRequest(String model,
                          List<ChatMessage> messages,
                          GenerationOptions options,
                          String requestId,
                          Map<String, String> metadata,
                          CacheMode cacheMode) {
    public ChatRequest {
        requireNonNull(model, "model");
        messages = List.copyOf(messages);
        requireNonNull(options, "options");
        requireNonNull(requestId, "requestId");
        metadata = Map.copyOf(metadata);
        requireNonNull(cacheMode, "cacheMode");
    }
}
