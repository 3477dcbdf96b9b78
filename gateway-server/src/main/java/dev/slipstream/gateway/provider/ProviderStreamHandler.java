package dev.slipstream.gateway.provider;

/**
 * Receives a provider's streamed reply: any number of {@link #onDelta}, then exactly one of
 * {@link #onComplete} or {@link #onError}, one call at a time.
 */
public interface ProviderStreamHandler {
    void onDelta(String text);

    /** The full reply; its {@code content} is the concatenation of the deltas. */
    void onComplete(ProviderReply reply);

    /** Usually a {@link dev.slipstream.gateway.error.GatewayException} with a provider reason. */
    void onError(Throwable cause);
}
