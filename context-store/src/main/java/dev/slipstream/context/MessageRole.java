package dev.slipstream.context;

/** Who said a message of a conversation. */
public enum MessageRole {
    SYSTEM,
    USER,
    ASSISTANT
}
