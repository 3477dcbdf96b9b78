package dev.slipstream.gateway.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.chat.CacheMode;
import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.ChatRequest;
import dev.slipstream.gateway.chat.GenerationOptions;
import dev.slipstream.gateway.chat.ResponseFormat;
import dev.slipstream.gateway.chat.Role;
import dev.slipstream.gateway.error.FieldViolation;
import dev.slipstream.gateway.error.GatewayException;

/**
 * Reads an OpenAI {@code POST /v1/chat/completions} body into a {@link ChatRequest}. Shape errors (wrong
 * JSON types, unsupported roles or content parts) are reported here with OpenAI's parameter names; value
 * limits are checked later by the shared validator.
 */
final class OpenAiRequestParser {
    private static final String OPTIONS_PREFIX = "options.";

    /**
     * What the parser found besides the chat request itself.
     *
     * @param maxTokensParam the parameter the caller set the output limit with: {@code max_completion_tokens}
     *                       or the older {@code max_tokens}
     */
    record Parsed(ChatRequest request, boolean stream, String maxTokensParam) {
        /**
         * Renames the fields of a validation failure from the shared validator's paths (the gRPC names, such
         * as {@code options.temperature}) to the OpenAI parameters the caller sent, so that
         * {@code error.param} and the message point at the caller's own request.
         */
        GatewayException inOpenAiTerms(GatewayException e) {
            if (e.fieldViolations().isEmpty()) {
                return e;
            }
            final List<FieldViolation> renamed = e.fieldViolations().stream()
                    .map(v -> new FieldViolation(openAiParam(v.field()), v.description()))
                    .toList();
            return GatewayException.invalid(renamed).withMetadata(e.metadata());
        }

        private String openAiParam(String field) {
            if (field.equals("request_id")) {
                return "x-request-id";
            }
            if (!field.startsWith(OPTIONS_PREFIX)) {
                return field;
            }
            final String option = field.substring(OPTIONS_PREFIX.length());
            if (option.startsWith("stop_sequences")) {
                return "stop" + option.substring("stop_sequences".length());
            }
            if (option.equals("max_output_tokens")) {
                return maxTokensParam;
            }
            return option;
        }
    }

    private OpenAiRequestParser() {}

    static Parsed parse(JsonNode body, String requestId, CacheMode cacheMode) {
        final List<FieldViolation> violations = new ArrayList<>();
        if (!body.isObject()) {
            throw GatewayException.invalid(List.of(new FieldViolation("body", "not a JSON object")));
        }
        final String model = text(body, "model", violations);
        final List<ChatMessage> messages = messages(body.get("messages"), violations);
        final Double temperature = number(body, "temperature", violations);
        final Double topP = number(body, "top_p", violations);
        String maxTokensParam = "max_completion_tokens";
        Integer maxTokens = integer(body, maxTokensParam, violations);
        if (maxTokens == null && body.hasNonNull("max_tokens")) {
            maxTokensParam = "max_tokens";
            maxTokens = integer(body, maxTokensParam, violations);
        }
        final List<String> stop = stop(body.get("stop"), violations);
        final ResponseFormat format = responseFormat(body.get("response_format"), violations);
        final JsonNode n = body.get("n");
        if (n != null && !n.isNull() && !(n.canConvertToInt() && n.asInt() == 1)) {
            violations.add(new FieldViolation("n", n + " (expected: 1; the gateway returns one choice)"));
        }
        final JsonNode stream = body.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            violations.add(new FieldViolation("stream", stream + " (expected: true or false)"));
        }
        final Map<String, String> metadata = metadata(body.get("metadata"), violations);
        if (!violations.isEmpty()) {
            throw GatewayException.invalid(violations);
        }
        final GenerationOptions options = new GenerationOptions(temperature, topP, maxTokens, stop, format);
        return new Parsed(new ChatRequest(model == null ? "" : model, messages, options, requestId, metadata,
                                          cacheMode),
                          stream != null && stream.asBoolean(false), maxTokensParam);
    }

    private static List<ChatMessage> messages(@Nullable JsonNode node, List<FieldViolation> violations) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            violations.add(new FieldViolation("messages", "not an array (expected: an array of messages)"));
            return List.of();
        }
        final List<ChatMessage> messages = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            final JsonNode message = node.get(i);
            final String path = "messages[" + i + ']';
            if (!message.isObject()) {
                violations.add(new FieldViolation(path, "not an object (expected: {role, content})"));
                continue;
            }
            final Role role = role(message.get("role"));
            if (role == null) {
                violations.add(new FieldViolation(path + ".role", message.path("role") +
                                                  " (expected: system, developer, user or assistant)"));
                continue;
            }
            final String content = content(message.get("content"), path + ".content", violations);
            if (content != null) {
                messages.add(new ChatMessage(role, content));
            }
        }
        return messages;
    }

    @Nullable
    private static Role role(@Nullable JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        return switch (node.asText()) {
            case "system", "developer" -> Role.SYSTEM;
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            default -> null;
        };
    }

    /** A string, or an array of {@code {"type": "text", "text": …}} parts joined together. */
    @Nullable
    private static String content(@Nullable JsonNode node, String path, List<FieldViolation> violations) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (!node.isArray()) {
            violations.add(new FieldViolation(path, "not a string or an array of text parts"));
            return null;
        }
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < node.size(); i++) {
            final JsonNode part = node.get(i);
            if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                violations.add(new FieldViolation(path + '[' + i + ']', "a '" + part.path("type").asText() +
                                                  "' part (expected: {\"type\": \"text\", \"text\": …}; " +
                                                  "only text is supported)"));
                return null;
            }
            text.append(part.get("text").asText());
        }
        return text.toString();
    }

    private static List<String> stop(@Nullable JsonNode node, List<FieldViolation> violations) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        final List<String> stops = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode stop : node) {
                if (!stop.isTextual()) {
                    violations.add(new FieldViolation("stop", stop + " (expected: strings)"));
                    return List.of();
                }
                stops.add(stop.asText());
            }
            return stops;
        }
        violations.add(new FieldViolation("stop", node + " (expected: a string or an array of strings)"));
        return List.of();
    }

    private static ResponseFormat responseFormat(@Nullable JsonNode node, List<FieldViolation> violations) {
        if (node == null || node.isNull()) {
            return ResponseFormat.TEXT;
        }
        return switch (node.path("type").asText()) {
            case "text" -> ResponseFormat.TEXT;
            case "json_object", "json_schema" -> ResponseFormat.JSON;
            default -> {
                violations.add(new FieldViolation("response_format.type", node.path("type") +
                                                  " (expected: text, json_object or json_schema)"));
                yield ResponseFormat.TEXT;
            }
        };
    }

    private static Map<String, String> metadata(@Nullable JsonNode node, List<FieldViolation> violations) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            violations.add(new FieldViolation("metadata", "not an object (expected: string keys and values)"));
            return Map.of();
        }
        final Map<String, String> metadata = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                violations.add(new FieldViolation("metadata." + entry.getKey(), "not a string"));
            } else {
                metadata.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return metadata;
    }

    @Nullable
    private static String text(JsonNode body, String field, List<FieldViolation> violations) {
        final JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            violations.add(new FieldViolation(field, node + " (expected: a string)"));
            return null;
        }
        return node.asText();
    }

    @Nullable
    private static Double number(JsonNode body, String field, List<FieldViolation> violations) {
        final JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            violations.add(new FieldViolation(field, node + " (expected: a number)"));
            return null;
        }
        return node.asDouble();
    }

    @Nullable
    private static Integer integer(JsonNode body, String field, List<FieldViolation> violations) {
        final JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            violations.add(new FieldViolation(field, node + " (expected: an integer)"));
            return null;
        }
        return node.asInt();
    }
}
