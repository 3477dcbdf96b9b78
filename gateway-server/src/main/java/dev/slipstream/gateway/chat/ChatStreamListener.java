package dev.slipstream.gateway.chat;

/**
 * Receives a streamed reply. Calls arrive one at a time, in order: any number of
 * {@link #onDelta(String)}, then exactly one of {@link #onComplete} or {@link #onError}.
 */
public interface ChatStreamListener {
    void onDelta(String text);

    /**
     * The stream ended normally.
     *
     * @param completion the whole reply with usage and cost; its {@code content} is the concatenated deltas
     * @param timeToFirstTokenNanos from the request's arrival to the first delta (or to the end, if none)
     */
    void onComplete(ChatCompletion completion, long timeToFirstTokenNanos);

    /** The stream failed; {@code cause} is usually a {@link dev.slipstream.gateway.error.GatewayException}. */
    void onError(Throwable cause);
}
