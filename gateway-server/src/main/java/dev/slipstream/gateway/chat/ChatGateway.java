package dev.slipstream.gateway.chat;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import dev.slipstream.gateway.provider.ChatProvider.StreamHandle;
import dev.slipstream.gateway.provider.ProviderReply;
import dev.slipstream.gateway.provider.ProviderRequest;
import dev.slipstream.gateway.provider.ProviderStreamHandler;

/**
 * The provider-neutral chat path shared by every surface: validate, resolve the model, call the provider,
 * and account for what happened. Never blocks the calling thread.
 */
public final class ChatGateway {
    private final ModelCatalog catalog;
    private final ChatRequestValidator validator;

    public ChatGateway(ModelCatalog catalog, ChatRequestValidator validator) {
        this.catalog = requireNonNull(catalog, "catalog");
        this.validator = requireNonNull(validator, "validator");
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /**
     * Completes {@code request}; the future fails with a
     * {@link dev.slipstream.gateway.error.GatewayException} for invalid requests and provider failures.
     */
    public CompletableFuture<ChatCompletion> complete(ChatRequest request) {
        final long startNanos = System.nanoTime();
        final ResolvedModel target;
        try {
            target = admit(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        final long upstreamStartNanos = System.nanoTime();
        return target.provider().complete(toProviderRequest(request, target)).thenApply(reply -> {
            final long endNanos = System.nanoTime();
            return completion(newCompletionId(), request, target, reply, startNanos, upstreamStartNanos,
                              endNanos);
        });
    }

    /**
     * Streams the reply to {@code listener}; the returned handle stops it when the caller goes away.
     *
     * @param completionId from {@link #newCompletionId()}, so that the caller can label chunks before the
     *                     stream ends
     */
    public StreamHandle stream(String completionId, ChatRequest request, ChatStreamListener listener) {
        final long startNanos = System.nanoTime();
        final ResolvedModel target;
        try {
            target = admit(request);
        } catch (RuntimeException e) {
            listener.onError(e);
            return StreamHandle.NOOP;
        }
        final long upstreamStartNanos = System.nanoTime();
        return target.provider().stream(toProviderRequest(request, target), new ProviderStreamHandler() {
            private long firstDeltaNanos;

            @Override
            public void onDelta(String text) {
                if (text.isEmpty()) {
                    return;
                }
                if (firstDeltaNanos == 0) {
                    firstDeltaNanos = System.nanoTime();
                }
                listener.onDelta(text);
            }

            @Override
            public void onComplete(ProviderReply reply) {
                final long endNanos = System.nanoTime();
                final long firstTokenNanos = (firstDeltaNanos == 0 ? endNanos : firstDeltaNanos) - startNanos;
                listener.onComplete(completion(completionId, request, target, reply, startNanos,
                                               upstreamStartNanos, endNanos),
                                    firstTokenNanos);
            }

            @Override
            public void onError(Throwable cause) {
                listener.onError(cause);
            }
        });
    }

    /** Validates {@code request} and resolves its model; throws a GatewayException when it cannot be served. */
    private ResolvedModel admit(ChatRequest request) {
        validator.validate(request);
        return catalog.resolve(request.model());
    }

    private static ProviderRequest toProviderRequest(ChatRequest request, ResolvedModel target) {
        return new ProviderRequest(target.providerModel(), request.messages(), request.options());
    }

    private static ChatCompletion completion(String id, ChatRequest request, ResolvedModel target, ProviderReply reply,
                                             long startNanos, long upstreamStartNanos, long endNanos) {
        final long upstreamNanos = endNanos - upstreamStartNanos;
        return new ChatCompletion(id, request.requestId(), reply.content(), reply.finishReason(),
                                  reply.usage(), 0, target.provider().name(), reply.providerModel(),
                                  endNanos - startNanos - upstreamNanos, upstreamNanos);
    }

    /** A fresh, unguessable completion id such as {@code cmpl-8f3a…}. */
    public static String newCompletionId() {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        return "cmpl-" + Long.toHexString(random.nextLong() | Long.MIN_VALUE) +
               Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }
}
