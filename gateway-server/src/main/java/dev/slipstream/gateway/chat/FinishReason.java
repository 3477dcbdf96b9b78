package dev.slipstream.gateway.chat;

/** Why the model stopped producing output. */
public enum FinishReason {
    STOP,
    LENGTH,
    CONTENT_FILTER,
    TOOL_CALLS,
    OTHER
}
