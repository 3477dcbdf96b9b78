package dev.slipstream.gateway.chat;

/** Whether the response cache, when configured, may answer a request and keep its reply. */
public enum CacheMode {
    /** Only when the request is deterministic: temperature 0. */
    DETERMINISTIC,
    /** Whatever the temperature: the caller accepts a repeated answer. */
    ENABLED,
    /** Never. */
    BYPASS
}
