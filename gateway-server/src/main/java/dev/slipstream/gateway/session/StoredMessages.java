package dev.slipstream.gateway.session;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.slipstream.context.MessageRole;
import dev.slipstream.context.SessionMessage;
import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.Role;
import dev.slipstream.gateway.chat.TokenCounter;

/** Converts between chat messages and stored session messages, which carry their token count. */
final class StoredMessages {
    private final TokenCounter tokens;
    private final Clock clock;

    StoredMessages(TokenCounter tokens, Clock clock) {
        this.tokens = requireNonNull(tokens, "tokens");
        this.clock = requireNonNull(clock, "clock");
    }

    /** The messages as stored now, each counted once here so that windowing never counts it again. */
    List<SessionMessage> toStored(List<ChatMessage> messages) {
        final Instant now = clock.instant();
        final List<SessionMessage> stored = new ArrayList<>(messages.size());
        for (ChatMessage message : messages) {
            stored.add(new SessionMessage(toStored(message.role()), message.content(),
                                          tokens.count(message.content()), now));
        }
        return stored;
    }

    static ChatMessage toChat(SessionMessage message) {
        return new ChatMessage(switch (message.role()) {
            case SYSTEM -> Role.SYSTEM;
            case USER -> Role.USER;
            case ASSISTANT -> Role.ASSISTANT;
        }, message.content());
    }

    private static MessageRole toStored(Role role) {
        return switch (role) {
            case SYSTEM -> MessageRole.SYSTEM;
            case USER -> MessageRole.USER;
            case ASSISTANT -> MessageRole.ASSISTANT;
        };
    }
}
