package dev.slipstream.gateway.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.chat.ChatCompletion;
import dev.slipstream.gateway.chat.FinishReason;
import dev.slipstream.gateway.chat.TokenUsage;

/** Builds OpenAI's chat completion, chunk and usage JSON objects from the chat domain. */
final class OpenAiJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenAiJson() {}

    static ObjectNode completion(ChatCompletion completion, String model, long createdSeconds) {
        final ObjectNode message = JSON.objectNode().put("role", "assistant").put("content", completion.content());
        message.putNull("refusal");
        final ObjectNode choice = JSON.objectNode().put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(completion.finishReason()));
        final ObjectNode root = header(completion.id(), "chat.completion", model, createdSeconds);
        root.set("choices", JSON.arrayNode().add(choice));
        root.set("usage", usage(completion.usage()));
        return root;
    }

    /** A chunk with one choice whose delta holds {@code role} and/or {@code content}. */
    static ObjectNode chunk(String id, String model, long createdSeconds, @Nullable String role,
                            @Nullable String content, @Nullable FinishReason finishReason) {
        final ObjectNode delta = JSON.objectNode();
        if (role != null) {
            delta.put("role", role);
        }
        if (content != null) {
            delta.put("content", content);
        }
        final ObjectNode choice = JSON.objectNode().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason(finishReason));
        }
        final ObjectNode root = header(id, "chat.completion.chunk", model, createdSeconds);
        root.set("choices", JSON.arrayNode().add(choice));
        return root;
    }

    /** The final chunk of a stream: no choices, the usage (as with {@code stream_options.include_usage}). */
    static ObjectNode usageChunk(String id, String model, long createdSeconds, TokenUsage usage) {
        final ObjectNode root = header(id, "chat.completion.chunk", model, createdSeconds);
        root.set("choices", JSON.arrayNode());
        root.set("usage", usage(usage));
        return root;
    }

    static ObjectNode modelList(Iterable<ObjectNode> models) {
        final ArrayNode data = JSON.arrayNode();
        models.forEach(data::add);
        final ObjectNode root = JSON.objectNode().put("object", "list");
        root.set("data", data);
        return root;
    }

    static ObjectNode model(String id, String ownedBy) {
        return JSON.objectNode().put("id", id).put("object", "model").put("created", 0).put("owned_by", ownedBy);
    }

    private static ObjectNode header(String id, String object, String model, long createdSeconds) {
        return JSON.objectNode().put("id", id).put("object", object).put("created", createdSeconds)
                   .put("model", model);
    }

    private static ObjectNode usage(TokenUsage usage) {
        final ObjectNode node = JSON.objectNode()
                                    .put("prompt_tokens", usage.inputTokens())
                                    .put("completion_tokens", usage.outputTokens())
                                    .put("total_tokens", usage.totalTokens());
        node.set("prompt_tokens_details", JSON.objectNode().put("cached_tokens", usage.cachedInputTokens()));
        return node;
    }

    private static String finishReason(FinishReason reason) {
        return switch (reason) {
            case STOP, OTHER -> "stop";
            case LENGTH -> "length";
            case CONTENT_FILTER -> "content_filter";
            case TOOL_CALLS -> "tool_calls";
        };
    }
}
