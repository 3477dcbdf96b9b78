package dev.slipstream.gateway.chat;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import dev.slipstream.gateway.auth.Principal;
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
    private final ChatPolicy policy;
    private final ChatObserver observer;

    public ChatGateway(ModelCatalog catalog, ChatRequestValidator validator, ChatPolicy policy,
                       ChatObserver observer) {
        this.catalog = requireNonNull(catalog, "catalog");
        this.validator = requireNonNull(validator, "validator");
        this.policy = requireNonNull(policy, "policy");
        this.observer = requireNonNull(observer, "observer");
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /**
     * Completes {@code request} for {@code caller}; the future fails with a
     * {@link dev.slipstream.gateway.error.GatewayException} for invalid or refused requests and provider
     * failures.
     */
    public CompletableFuture<ChatCompletion> complete(Principal caller, ChatRequest request) {
        final long startNanos = System.nanoTime();
        final ChatObserver.Call observed = observer.start(caller, request);
        final ResolvedModel target;
        try {
            target = admit(caller, request);
        } catch (RuntimeException e) {
            observed.failed(null, e);
            return CompletableFuture.failedFuture(e);
        }
        return policy.admit(caller, request, target).thenCompose(admission -> {
            final long upstreamStartNanos = System.nanoTime();
            return target.provider().complete(toProviderRequest(request, target)).handle((reply, failure) -> {
                if (failure != null) {
                    admission.release();
                    throw failure instanceof CompletionException e ? e : new CompletionException(failure);
                }
                final long endNanos = System.nanoTime();
                return completion(newCompletionId(), request, target, reply, admission.settle(reply.usage()),
                                  startNanos, upstreamStartNanos, endNanos);
            });
        }).whenComplete((completion, failure) -> {
            if (failure != null) {
                observed.failed(target, failure);
            } else {
                observed.succeeded(target, completion, -1);
            }
        });
    }

    /**
     * Streams the reply to {@code listener}; the returned handle stops it when the caller goes away.
     *
     * @param completionId from {@link #newCompletionId()}, so that the caller can label chunks before the
     *                     stream ends
     */
    public StreamHandle stream(Principal caller, String completionId, ChatRequest request,
                               ChatStreamListener listener) {
        final long startNanos = System.nanoTime();
        final ChatObserver.Call observed = observer.start(caller, request);
        final ResolvedModel target;
        try {
            target = admit(caller, request);
        } catch (RuntimeException e) {
            observed.failed(null, e);
            listener.onError(e);
            return StreamHandle.NOOP;
        }
        final AtomicReference<ChatPolicy.Admission> admitted = new AtomicReference<>();
        final DeferredStream handle = new DeferredStream(() -> {
            observed.failed(target, new CancellationException("the caller cancelled the stream"));
            final ChatPolicy.Admission admission = admitted.get();
            if (admission != null) {
                admission.abandon();
            }
        });
        policy.admit(caller, request, target).whenComplete((admission, failure) -> {
            if (failure != null) {
                final Throwable cause = failure instanceof CompletionException e && e.getCause() != null
                                        ? e.getCause() : failure;
                observed.failed(target, cause);
                listener.onError(cause);
                return;
            }
            admitted.set(admission);
            final boolean started = handle.start(() -> target.provider().stream(
                    toProviderRequest(request, target),
                    new SettlingStreamHandler(completionId, request, target, admission, observed, listener,
                                              startNanos)));
            if (!started) {
                admission.abandon();
            }
        });
        return handle;
    }

    /** Forwards a provider stream to the listener and settles the admission at its end. */
    private static final class SettlingStreamHandler implements ProviderStreamHandler {
        private final String completionId;
        private final ChatRequest request;
        private final ResolvedModel target;
        private final ChatPolicy.Admission admission;
        private final ChatObserver.Call observed;
        private final ChatStreamListener listener;
        private final long startNanos;
        private final long upstreamStartNanos = System.nanoTime();
        private long firstDeltaNanos;

        SettlingStreamHandler(String completionId, ChatRequest request, ResolvedModel target,
                              ChatPolicy.Admission admission, ChatObserver.Call observed,
                              ChatStreamListener listener, long startNanos) {
            this.completionId = completionId;
            this.request = request;
            this.target = target;
            this.admission = admission;
            this.observed = observed;
            this.listener = listener;
            this.startNanos = startNanos;
        }

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
            final ChatCompletion completion = completion(completionId, request, target, reply,
                                                         admission.settle(reply.usage()), startNanos,
                                                         upstreamStartNanos, endNanos);
            observed.succeeded(target, completion, firstTokenNanos);
            listener.onComplete(completion, firstTokenNanos);
        }

        @Override
        public void onError(Throwable cause) {
            admission.release();
            observed.failed(target, cause);
            listener.onError(cause);
        }
    }

    /**
     * Validates {@code request}, resolves its model and checks that {@code caller} may use it; throws a
     * GatewayException when it cannot be served.
     */
    private ResolvedModel admit(Principal caller, ChatRequest request) {
        validator.validate(request);
        caller.requireModel(request.model());
        return catalog.resolve(request.model());
    }

    private static ProviderRequest toProviderRequest(ChatRequest request, ResolvedModel target) {
        return new ProviderRequest(target.providerModel(), request.messages(), request.options());
    }

    private static ChatCompletion completion(String id, ChatRequest request, ResolvedModel target, ProviderReply reply,
                                             long costMicrosUsd, long startNanos, long upstreamStartNanos,
                                             long endNanos) {
        final long upstreamNanos = endNanos - upstreamStartNanos;
        return new ChatCompletion(id, request.requestId(), reply.content(), reply.finishReason(),
                                  reply.usage(), costMicrosUsd, target.provider().name(), reply.providerModel(),
                                  endNanos - startNanos - upstreamNanos, upstreamNanos);
    }

    /** A fresh, unguessable completion id such as {@code cmpl-8f3a…}. */
    public static String newCompletionId() {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        return "cmpl-" + Long.toHexString(random.nextLong() | Long.MIN_VALUE) +
               Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }
}
