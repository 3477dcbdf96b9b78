package dev.slipstream.gateway.chat;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.cache.ResponseCache;
import dev.slipstream.gateway.provider.ChatProvider.StreamHandle;
import dev.slipstream.gateway.routing.Deadline;
import dev.slipstream.gateway.routing.Route;
import dev.slipstream.gateway.routing.RouteRun;
import dev.slipstream.gateway.routing.RoutedReply;
import dev.slipstream.gateway.routing.Router;

/**
 * The provider-neutral chat path shared by every surface: validate, resolve the route, answer from the cache
 * or through the route, and account for what happened. Never blocks the calling thread.
 */
public final class ChatGateway {
    private final ModelCatalog catalog;
    private final Router router;
    private final ResponseCache cache;
    private final ChatRequestValidator validator;

    public ChatGateway(ModelCatalog catalog, Router router, ResponseCache cache, ChatRequestValidator validator) {
        this.catalog = requireNonNull(catalog, "catalog");
        this.router = requireNonNull(router, "router");
        this.cache = requireNonNull(cache, "cache");
        this.validator = requireNonNull(validator, "validator");
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
     * Completes {@code request} by {@code deadline}; the future fails with a
     * {@link dev.slipstream.gateway.error.GatewayException} for invalid requests and provider failures.
     */
    public CompletableFuture<ChatCompletion> complete(ChatRequest request, Deadline deadline) {
        final long startNanos = System.nanoTime();
        final Route route;
        try {
            route = admit(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        final String id = newCompletionId();
        final String cacheKey = cache.keyFor(request, route.name(), route.targetNames());
        final ChatCompletion cached = cacheKey == null ? null : cache.get(cacheKey);
        if (cached != null) {
            return CompletableFuture.completedFuture(
                    cached.servedFromCache(id, request.requestId(), System.nanoTime() - startNanos));
        }
        final long upstreamStartNanos = System.nanoTime();
        final RouteRun run = router.complete(route, request.messages(), request.options(), deadline);
        final CompletableFuture<ChatCompletion> completion = run.result().thenApply(routed -> {
            final ChatCompletion answer = completion(id, request, routed, startNanos, upstreamStartNanos,
                                                     System.nanoTime());
            store(cacheKey, answer);
            return answer;
        });
        // A caller that goes away stops the route: no further attempt starts.
        completion.whenComplete((answer, error) -> run.cancel());
        run.start();
        return completion;
    }

    /**
     * Streams the reply to {@code listener}; the returned handle stops it when the caller goes away.
     *
     * @param completionId from {@link #newCompletionId()}, so that the caller can label chunks before the
     *                     stream ends
     */
    public StreamHandle stream(String completionId, ChatRequest request, Deadline deadline,
                               ChatStreamListener listener) {
        final long startNanos = System.nanoTime();
        final Route route;
        try {
            route = admit(request);
        } catch (RuntimeException e) {
            listener.onError(e);
            return StreamHandle.NOOP;
        }
        final String cacheKey = cache.keyFor(request, route.name(), route.targetNames());
        final ChatCompletion cached = cacheKey == null ? null : cache.get(cacheKey);
        if (cached != null) {
            final long elapsedNanos = System.nanoTime() - startNanos;
            listener.onDelta(cached.content());
            listener.onComplete(cached.servedFromCache(completionId, request.requestId(), elapsedNanos),
                                elapsedNanos);
            return StreamHandle.NOOP;
        }
        final long upstreamStartNanos = System.nanoTime();
        final FirstDelta firstDelta = new FirstDelta(listener);
        final RouteRun run = router.stream(route, request.messages(), request.options(), deadline, firstDelta);
        run.result().whenComplete((routed, error) -> {
            if (error instanceof CancellationException) {
                return; // The caller went away; there is no one to tell.
            }
            if (error != null) {
                listener.onError(error);
                return;
            }
            final long endNanos = System.nanoTime();
            final ChatCompletion answer = completion(completionId, request, routed, startNanos, upstreamStartNanos,
                                                     endNanos);
            store(cacheKey, answer);
            listener.onComplete(answer, firstDelta.nanoTime(endNanos) - startNanos);
        });
        run.start();
        return run;
    }

    /** Validates {@code request} and resolves its route; throws a GatewayException when it cannot be served. */
    private Route admit(ChatRequest request) {
        validator.validate(request);
        return router.resolve(request.model());
    }

    private void store(@Nullable String cacheKey, ChatCompletion answer) {
        if (cacheKey != null) {
            cache.put(cacheKey, answer);
        }
    }

    private static ChatCompletion completion(String id, ChatRequest request, RoutedReply routed, long startNanos,
                                             long upstreamStartNanos, long endNanos) {
        final long upstreamNanos = endNanos - upstreamStartNanos;
        return new ChatCompletion(id, request.requestId(), routed.reply().content(), routed.reply().finishReason(),
                                  routed.reply().usage(), 0, routed.provider(), routed.reply().providerModel(),
                                  endNanos - startNanos - upstreamNanos, upstreamNanos, routed.attempts(),
                                  routed.fallback(), false);
    }

    /** Passes chunks on, noting when the first one went out. */
    private static final class FirstDelta implements Consumer<String> {
        private final ChatStreamListener listener;
        private volatile long firstDeltaNanos;

        FirstDelta(ChatStreamListener listener) {
            this.listener = listener;
        }

        @Override
        public void accept(String text) {
            if (firstDeltaNanos == 0) {
                firstDeltaNanos = System.nanoTime();
            }
            listener.onDelta(text);
        }

        /** When the first chunk went out, or {@code endNanos} if none did. */
        long nanoTime(long endNanos) {
            return firstDeltaNanos == 0 ? endNanos : firstDeltaNanos;
        }
    }

    /** A fresh, unguessable completion id such as {@code cmpl-8f3a…}. */
    public static String newCompletionId() {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        return "cmpl-" + Long.toHexString(random.nextLong() | Long.MIN_VALUE) +
               Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }
}
