package dev.slipstream.gateway.chat;

import static java.util.Objects.requireNonNull;

/** One message of a conversation. */
public record ChatMessage(Role role, String content) {
    public ChatMessage {
        requireNonNull(role, "role");
        requireNonNull(content, "content");
    }
}
