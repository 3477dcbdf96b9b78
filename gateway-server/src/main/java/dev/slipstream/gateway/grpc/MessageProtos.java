package dev.slipstream.gateway.grpc;

import java.util.ArrayList;
import java.util.List;

import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.Role;
import dev.slipstream.gateway.error.FieldViolation;

/** Maps {@code slipstream.gateway.v1.Message}s to chat messages, for every service that takes them. */
public final class MessageProtos {
    private MessageProtos() {}

    /**
     * The messages the domain can represent; each message without a known role is left out and named in
     * {@code violations} instead.
     */
    public static List<ChatMessage> toChatMessages(List<Message> messages, List<FieldViolation> violations) {
        final List<ChatMessage> converted = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            final Message message = messages.get(i);
            final Role role = switch (message.getRole()) {
                case ROLE_SYSTEM -> Role.SYSTEM;
                case ROLE_USER -> Role.USER;
                case ROLE_ASSISTANT -> Role.ASSISTANT;
                default -> null;
            };
            if (role == null) {
                violations.add(new FieldViolation("messages[" + i + "].role", message.getRole() +
                                                  " (expected: ROLE_SYSTEM, ROLE_USER or ROLE_ASSISTANT)"));
            } else {
                converted.add(new ChatMessage(role, message.getContent()));
            }
        }
        return converted;
    }
}
