package dev.slipstream.gateway.chat;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.cache.ResponseCache;
import dev.slipstream.gateway.provider.ChatProvider.StreamHandle;
import dev.slipstream.gateway.routing.Deadline;
import dev.slipstream.gateway.routing.Route;
import dev.slipstream.gateway.routing.RouteRun;
import dev.slipstream.gateway.routing.RoutedReply;
import dev.slipstream.gateway.routing.Router;

/**
 * The provider-neutral chat path shared by every surface: validate, check the caller may use the model,
 * resolve the route, admit the call under the caller's limits and budgets, answer from the cache or through
 * the route, and account for what happened. Never blocks the calling thread.
 *
 * <p>A cache hit is admitted like any call (it counts as a request against the caller's limits) and then
 * settled with no usage, so that it costs nothing.
 */
public final class ChatGateway {
    private final ModelCatalog catalog;
    private final Router router;
    private final ResponseCache cache;
    private final ChatRequestValidator validator;
    private final ChatPolicy policy;
    private final ChatObserver observer;
    private final TokenCounter tokens;

    public ChatGateway(ModelCatalog catalog, Router router, ResponseCache cache, ChatRequestValidator validator,
                       ChatPolicy policy, ChatObserver observer, TokenCounter tokens) {
        this.catalog = requireNonNull(catalog, "catalog");
        this.router = requireNonNull(router, "router");
        this.cache = requireNonNull(cache, "cache");
        this.validator = requireNonNull(validator, "validator");
        this.policy = requireNonNull(policy, "policy");
        this.observer = requireNonNull(observer, "observer");
        this.tokens = requireNonNull(tokens, "tokens");
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    public Router router() {
        return router;
    }

    public ResponseCache cache() {
        return cache;
    }

    /**
     * Completes {@code request} for {@code caller} by {@code deadline}; the future fails with a
     * {@link dev.slipstream.gateway.error.GatewayException} for invalid or refused requests and provider
     * failures. Cancelling the future stops the route: no further attempt starts.
     */
    public CompletableFuture<ChatCompletion> complete(Principal caller, ChatRequest request, Deadline deadline) {
        final long startNanos = System.nanoTime();
        final ChatObserver.Call observed = observer.start(caller, request);
        final Route route;
        try {
            route = resolve(caller, request);
        } catch (RuntimeException e) {
            observed.failed(null, e);
            return CompletableFuture.failedFuture(e);
        }
        final String id = newCompletionId();
        final CompletableFuture<ChatCompletion> completion = new CompletableFuture<>();
        policy.admit(caller, request, route).whenComplete((admission, refused) -> {
            if (refused != null) {
                completion.completeExceptionally(unwrap(refused));
                return;
            }
            if (completion.isDone()) {
                admission.abandon(); // The caller went away while the call was being admitted.
                return;
            }
            final String cacheKey = cacheKey(caller, request, route);
            final ChatCompletion cached = cacheKey == null ? null : cache.get(cacheKey);
            if (cached != null) {
                admission.settle(route.targetNames().getFirst(), TokenUsage.ZERO);
                observed.cacheHit(route, cached.costMicrosUsd());
                completion.complete(cached.servedFromCache(id, request.requestId(), System.nanoTime() - startNanos));
                return;
            }
            final long upstreamStartNanos = System.nanoTime();
            final RouteRun run = router.complete(route, request.messages(), request.options(), deadline);
            run.result().whenComplete((routed, failure) -> {
                if (failure != null) {
                    end(admission, failure);
                    completion.completeExceptionally(failure);
                    return;
                }
                final ChatCompletion answer = completion(id, request, routed, settle(admission, routed), startNanos,
                                                         upstreamStartNanos, System.nanoTime());
                store(cacheKey, answer);
                completion.complete(answer);
            });
            // A caller that goes away stops the route: no further attempt starts.
            completion.whenComplete((answer, error) -> run.cancel());
            run.start();
        });
        completion.whenComplete((answer, failure) -> {
            if (failure != null) {
                observed.failed(route, failure);
            } else {
                observed.succeeded(route, answer, -1);
            }
        });
        return completion;
    }

    /**
     * Streams the reply to {@code listener}; the returned handle stops it when the caller goes away.
     *
     * @param completionId from {@link #newCompletionId()}, so that the caller can label chunks before the
     *                     stream ends
     */
    public StreamHandle stream(Principal caller, String completionId, ChatRequest request, Deadline deadline,
                               ChatStreamListener listener) {
        final long startNanos = System.nanoTime();
        final ChatObserver.Call observed = observer.start(caller, request);
        final Route route;
        try {
            route = resolve(caller, request);
        } catch (RuntimeException e) {
            observed.failed(null, e);
            listener.onError(e);
            return StreamHandle.NOOP;
        }
        final AtomicReference<ChatPolicy.Admission> admitted = new AtomicReference<>();
        final StreamProgress progress = new StreamProgress(listener);
        final DeferredStream handle = new DeferredStream(() -> {
            final ChatPolicy.Admission admission = admitted.get();
            if (admission == null) {
                observed.failed(route, new CancellationException("the caller cancelled the stream"));
            } else {
                settleCancelled(request, route, admission, progress, observed);
            }
        });
        policy.admit(caller, request, route).whenComplete((admission, refused) -> {
            if (refused != null) {
                final Throwable cause = unwrap(refused);
                observed.failed(route, cause);
                listener.onError(cause);
                return;
            }
            admitted.set(admission);
            final boolean started = handle.start(
                    () -> answer(caller, route, completionId, request, deadline, admission, observed, progress,
                                 startNanos));
            if (!started) {
                admission.release(); // Cancelled while being admitted: no provider saw the request.
            }
        });
        return handle;
    }

    /**
     * A stream the caller cancelled is settled to what was produced up to then: nothing if no target was
     * working on it (none called yet, or waiting to retry after a failed attempt), else the prompt and the
     * chunks delivered, counted with the gateway's tokenizer (the provider reports usage only at the end) and
     * priced at the target that was streaming.
     */
    private void settleCancelled(ChatRequest request, Route route, ChatPolicy.Admission admission,
                                 StreamProgress progress, ChatObserver.Call observed) {
        @Nullable
        final String target = progress.target();
        if (target == null) {
            admission.release();
            observed.failed(route, new CancellationException("the caller cancelled the stream"));
            return;
        }
        final TokenUsage usage = new TokenUsage(tokens.countPrompt(request.messages()),
                                                tokens.count(progress.delivered()), 0, 0);
        observed.cancelled(route, usage, admission.settle(target, usage));
    }

    /** Streams an admitted call's answer: from the cache, or through the route. */
    private StreamHandle answer(Principal caller, Route route, String completionId, ChatRequest request,
                                Deadline deadline, ChatPolicy.Admission admission, ChatObserver.Call observed,
                                StreamProgress progress, long startNanos) {
        final ChatStreamListener listener = progress.listener;
        final String cacheKey = cacheKey(caller, request, route);
        final ChatCompletion cached = cacheKey == null ? null : cache.get(cacheKey);
        if (cached != null) {
            admission.settle(route.targetNames().getFirst(), TokenUsage.ZERO);
            observed.cacheHit(route, cached.costMicrosUsd());
            final long elapsedNanos = System.nanoTime() - startNanos;
            final ChatCompletion answer = cached.servedFromCache(completionId, request.requestId(), elapsedNanos);
            listener.onDelta(cached.content());
            observed.succeeded(route, answer, elapsedNanos);
            listener.onComplete(answer, elapsedNanos);
            return StreamHandle.NOOP;
        }
        final long upstreamStartNanos = System.nanoTime();
        final RouteRun run = router.stream(route, request.messages(), request.options(), deadline, progress);
        progress.run = run;
        run.result().whenComplete((routed, error) -> {
            if (error instanceof CancellationException) {
                return; // The caller went away; the cancelled handle settled the call and told the observer.
            }
            if (error != null) {
                admission.release();
                observed.failed(route, error);
                listener.onError(error);
                return;
            }
            final long endNanos = System.nanoTime();
            final ChatCompletion answer = completion(completionId, request, routed, settle(admission, routed),
                                                     startNanos, upstreamStartNanos, endNanos);
            store(cacheKey, answer);
            final long firstTokenNanos = progress.firstDeltaNanoTime(endNanos) - startNanos;
            observed.succeeded(route, answer, firstTokenNanos);
            listener.onComplete(answer, firstTokenNanos);
        });
        run.start();
        return run;
    }

    /**
     * Validates {@code request}, checks that {@code caller} may use its model and resolves its route; throws a
     * GatewayException when it cannot be served.
     */
    private Route resolve(Principal caller, ChatRequest request) {
        validator.validate(request);
        caller.requireModel(request.model());
        return router.resolve(request.model());
    }

    /** The cache key of {@code request}'s reply; null when the caller's key or the request opts out. */
    @Nullable
    private String cacheKey(Principal caller, ChatRequest request, Route route) {
        return caller.bypassCache() ? null : cache.keyFor(request, route.name(), route.targetNames());
    }

    /** Charges the routed reply's usage at the price of the target that answered; returns the cost. */
    private static long settle(ChatPolicy.Admission admission, RoutedReply routed) {
        return admission.settle(routed.target(), routed.reply().usage());
    }

    /** A failed call gives back what it took; a cancelled one keeps it, as the provider may have worked. */
    private static void end(ChatPolicy.Admission admission, Throwable failure) {
        if (failure instanceof CancellationException) {
            admission.abandon();
        } else {
            admission.release();
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException e && e.getCause() != null ? e.getCause() : failure;
    }

    private void store(@Nullable String cacheKey, ChatCompletion answer) {
        if (cacheKey != null) {
            cache.put(cacheKey, answer);
        }
    }

    private static ChatCompletion completion(String id, ChatRequest request, RoutedReply routed, long costMicrosUsd,
                                             long startNanos, long upstreamStartNanos, long endNanos) {
        final long upstreamNanos = endNanos - upstreamStartNanos;
        return new ChatCompletion(id, request.requestId(), routed.reply().content(), routed.reply().finishReason(),
                                  routed.reply().usage(), costMicrosUsd, routed.provider(),
                                  routed.reply().providerModel(), endNanos - startNanos - upstreamNanos,
                                  upstreamNanos, routed.attempts(), routed.fallback(), false);
    }

    /**
     * Passes a stream's chunks on, noting when the first one went out and what was delivered, so that a
     * cancelled stream can be settled to it.
     */
    private static final class StreamProgress implements Consumer<String> {
        final ChatStreamListener listener;
        private final StringBuilder delivered = new StringBuilder();
        private volatile long firstDeltaNanos;
        @Nullable
        volatile RouteRun run;

        StreamProgress(ChatStreamListener listener) {
            this.listener = listener;
        }

        @Override
        public void accept(String text) {
            if (firstDeltaNanos == 0) {
                firstDeltaNanos = System.nanoTime();
            }
            synchronized (delivered) {
                delivered.append(text);
            }
            listener.onDelta(text);
        }

        /** When the first chunk went out, or {@code endNanos} if none did. */
        long firstDeltaNanoTime(long endNanos) {
            return firstDeltaNanos == 0 ? endNanos : firstDeltaNanos;
        }

        String delivered() {
            synchronized (delivered) {
                return delivered.toString();
            }
        }

        /** The {@code provider/model} being called now, or null when no attempt is under way. */
        @Nullable
        String target() {
            final RouteRun started = run;
            return started == null ? null : started.currentTarget();
        }
    }

    /** A fresh, unguessable completion id such as {@code cmpl-8f3a…}. */
    public static String newCompletionId() {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        return "cmpl-" + Long.toHexString(random.nextLong() | Long.MIN_VALUE) +
               Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }
}
