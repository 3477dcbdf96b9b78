package dev.slipstream.gateway.chat;

/** The shape the reply must take. */
public enum ResponseFormat {
    TEXT,
    /** A single JSON object. */
    JSON
}
