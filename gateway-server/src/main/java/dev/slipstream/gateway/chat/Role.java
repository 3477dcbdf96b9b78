package dev.slipstream.gateway.chat;

/** Who wrote a chat message. */
public enum Role {
    SYSTEM,
    USER,
    ASSISTANT
}
