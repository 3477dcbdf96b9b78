package dev.slipstream.gateway.provider;

import java.util.concurrent.CompletableFuture;

/**
 * One configured LLM provider. Implementations never block the calling thread: blocking client code
 * runs on the executor given at construction. Failures are reported as
 * {@link dev.slipstream.gateway.error.GatewayException}s with a {@code PROVIDER_*} reason.
 */
public interface ChatProvider {
    /** The configured name, e.g. {@code openai} or {@code local}. */
    String name();

    CompletableFuture<ProviderReply> complete(ProviderRequest request);

    /**
     * Streams a reply to {@code handler}.
     *
     * @return a handle that stops the stream when the caller goes away
     */
    StreamHandle stream(ProviderRequest request, ProviderStreamHandler handler);

    /** Stops a running stream; no handler call follows a completed {@link #cancel()}. */
    @FunctionalInterface
    interface StreamHandle {
        StreamHandle NOOP = () -> {};

        void cancel();
    }
}
