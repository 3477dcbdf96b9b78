package dev.slipstream.gateway.chat;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.slipstream.gateway.config.LimitsConfig;
import dev.slipstream.gateway.error.FieldViolation;
import dev.slipstream.gateway.error.GatewayException;

/** Checks a {@link ChatRequest} against the configured limits; reports every violation at once. */
public final class ChatRequestValidator {
    private static final int QUOTED_KEY_CHARS = 16;

    private final LimitsConfig limits;

    public ChatRequestValidator(LimitsConfig limits) {
        this.limits = requireNonNull(limits, "limits");
    }

    /** Throws an INVALID_ARGUMENT {@link GatewayException} listing each invalid field. */
    public void validate(ChatRequest request) {
        final List<FieldViolation> violations = new ArrayList<>();
        validateModel(request.model(), violations);
        validateMessages(request.messages(), violations);
        validateOptions(request.options(), violations);
        validateRequestId(request.requestId(), violations);
        validateMetadata(request.metadata(), violations);
        if (!violations.isEmpty()) {
            throw GatewayException.invalid(violations);
        }
    }

    private void validateModel(String model, List<FieldViolation> violations) {
        if (model.isBlank()) {
            violations.add(new FieldViolation("model", "empty (expected: a model alias or 'provider/model')"));
        } else if (model.length() > limits.maxModelChars()) {
            violations.add(tooLong("model", model.length(), limits.maxModelChars()));
        }
    }

    private void validateMessages(List<ChatMessage> messages, List<FieldViolation> violations) {
        if (messages.isEmpty()) {
            violations.add(new FieldViolation("messages", "empty (expected: at least one message)"));
            return;
        }
        if (messages.size() > limits.maxMessages()) {
            violations.add(new FieldViolation("messages", messages.size() + " messages (expected: at most " +
                                                          limits.maxMessages() + ')'));
        }
        long totalChars = 0;
        boolean hasUserMessage = false;
        for (int i = 0; i < messages.size(); i++) {
            final ChatMessage message = messages.get(i);
            final int chars = message.content().length();
            totalChars += chars;
            hasUserMessage |= message.role() == Role.USER;
            if (chars > limits.maxMessageChars()) {
                violations.add(tooLong("messages[" + i + "].content", chars, limits.maxMessageChars()));
            } else if (message.role() == Role.USER && message.content().isBlank()) {
                violations.add(new FieldViolation("messages[" + i + "].content",
                                                  "empty (expected: a user message with text)"));
            }
        }
        if (!hasUserMessage) {
            violations.add(new FieldViolation("messages", "no message has role user (expected: at least one)"));
        }
        if (totalChars > limits.maxTotalChars()) {
            violations.add(new FieldViolation("messages", totalChars + " characters in all (expected: at most " +
                                                          limits.maxTotalChars() + ')'));
        }
    }

    private void validateOptions(GenerationOptions options, List<FieldViolation> violations) {
        final Double temperature = options.temperature();
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            violations.add(new FieldViolation("options.temperature", temperature + " (expected: 0 to 2)"));
        }
        final Double topP = options.topP();
        if (topP != null && !(topP > 0 && topP <= 1)) {
            violations.add(new FieldViolation("options.top_p", topP + " (expected: > 0 and <= 1)"));
        }
        final Integer maxOutputTokens = options.maxOutputTokens();
        if (maxOutputTokens != null && (maxOutputTokens < 1 || maxOutputTokens > limits.maxOutputTokens())) {
            violations.add(new FieldViolation("options.max_output_tokens",
                                              maxOutputTokens + " (expected: 1 to " + limits.maxOutputTokens() +
                                              ')'));
        }
        final List<String> stops = options.stopSequences();
        if (stops.size() > limits.maxStopSequences()) {
            violations.add(new FieldViolation("options.stop_sequences", stops.size() +
                                                                        " sequences (expected: at most " +
                                                                        limits.maxStopSequences() + ')'));
        }
        for (int i = 0; i < stops.size(); i++) {
            final String stop = stops.get(i);
            if (stop.isEmpty()) {
                violations.add(new FieldViolation("options.stop_sequences[" + i + ']',
                                                  "empty (expected: at least one character)"));
            } else if (stop.length() > limits.maxStopSequenceChars()) {
                violations.add(tooLong("options.stop_sequences[" + i + ']', stop.length(),
                                       limits.maxStopSequenceChars()));
            }
        }
    }

    private void validateRequestId(String requestId, List<FieldViolation> violations) {
        if (requestId.length() > limits.maxRequestIdChars()) {
            violations.add(tooLong("request_id", requestId.length(), limits.maxRequestIdChars()));
        } else if (!requestId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            violations.add(new FieldViolation("request_id",
                                              "contains spaces or non-ASCII characters (expected: printable " +
                                              "ASCII without spaces)"));
        }
    }

    private void validateMetadata(Map<String, String> metadata, List<FieldViolation> violations) {
        if (metadata.size() > limits.maxMetadataEntries()) {
            violations.add(new FieldViolation("metadata", metadata.size() + " entries (expected: at most " +
                                                          limits.maxMetadataEntries() + ')'));
            return;
        }
        metadata.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            final String key = entry.getKey();
            if (key.isEmpty()) {
                violations.add(new FieldViolation("metadata", "an empty key (expected: 1 or more characters)"));
            } else if (key.length() > limits.maxMetadataKeyChars()) {
                // The key itself is the problem, so the path is the map; the description quotes the key.
                violations.add(new FieldViolation("metadata", "key '" + abbreviated(key) + "' has " + key.length() +
                                                              " characters (expected: at most " +
                                                              limits.maxMetadataKeyChars() + ')'));
            } else if (entry.getValue().length() > limits.maxMetadataValueChars()) {
                violations.add(tooLong("metadata[" + key + ']', entry.getValue().length(),
                                       limits.maxMetadataValueChars()));
            }
        });
    }

    private static String abbreviated(String text) {
        return text.length() <= QUOTED_KEY_CHARS ? text : text.substring(0, QUOTED_KEY_CHARS) + '…';
    }

    private static FieldViolation tooLong(String field, long chars, int max) {
        return new FieldViolation(field, chars + " characters (expected: at most " + max + ')');
    }
}
