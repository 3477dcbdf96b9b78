package dev.slipstream.gateway.routing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.GenerationOptions;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;
import dev.slipstream.gateway.provider.ChatProvider.StreamHandle;
import dev.slipstream.gateway.provider.ProviderReply;
import dev.slipstream.gateway.provider.ProviderRequest;
import dev.slipstream.gateway.routing.RouteAttempt.Outcome;

/**
 * One request's way through a route: the targets in this request's order, each behind its breaker and
 * bulkhead, retried on retryable failures with backoff (or the provider's Retry-After), falling back to the
 * next target when retries are spent. The caller's deadline bounds it all: every attempt is cut off at the
 * deadline, none starts after it, and a retry waits only if the wait plus the target's recent latency still
 * fits; otherwise the next target gets the time that is left. Attempts run one at a time; waits are
 * scheduled, never slept.
 */
public final class RouteRun implements StreamHandle {
    private final Route route;
    private final List<RouteTarget> order;
    private final List<ChatMessage> messages;
    private final GenerationOptions options;
    private final Deadline deadline;
    private final TargetCall call;
    private final CompletableFuture<RoutedReply> result = new CompletableFuture<>();
    // Written by one attempt's outcome before the next attempt starts, so never concurrently.
    private final List<RouteAttempt> attempts = new ArrayList<>();
    @Nullable
    private GatewayException lastFailure;
    private volatile StreamHandle current = StreamHandle.NOOP;
    @Nullable
    private volatile String currentTarget;
    /** Counts started attempts, so that an attempt which failed at once cannot hide its successor's handle. */
    private volatile int started;

    RouteRun(Route route, List<ChatMessage> messages, GenerationOptions options, Deadline deadline,
             TargetCall call) {
        this.route = requireNonNull(route, "route");
        order = route.order();
        this.messages = requireNonNull(messages, "messages");
        this.options = requireNonNull(options, "options");
        this.deadline = requireNonNull(deadline, "deadline");
        this.call = requireNonNull(call, "call");
    }

    /**
     * Makes the first attempt. Observe {@link #result()} before: then the outcome is reported on the thread
     * that made the reply's chunks, after them, never overtaking them on the caller's own thread.
     */
    public void start() {
        tryTarget(0, 1);
    }

    /** Completes with the answer, or fails with the last failure, every attempt named in its metadata. */
    public CompletableFuture<RoutedReply> result() {
        return result;
    }

    /**
     * The {@code provider/model} name of the target whose attempt is under way, or null when none is (before
     * the first attempt, and between a failed attempt and the next).
     */
    @Nullable
    public String currentTarget() {
        return currentTarget;
    }

    /** The caller went away: no further attempt starts, and the current one is stopped. */
    @Override
    public void cancel() {
        result.cancel(false);
        current.cancel();
    }

    private void tryTarget(int index, int attempt) {
        if (result.isDone()) {
            return;
        }
        if (index == order.size()) {
            giveUp();
            return;
        }
        final RouteTarget target = order.get(index);
        final long remainingNanos = deadline.remainingNanos();
        if (remainingNanos == 0) {
            giveUp();
            return;
        }
        if (!target.breaker().tryAcquirePermission()) {
            attempts.add(RouteAttempt.skipped(target.name(), Outcome.BREAKER_OPEN));
            tryTarget(index + 1, 1);
            return;
        }
        if (!target.bulkhead().tryAcquirePermission()) {
            target.breaker().releasePermission();
            attempts.add(RouteAttempt.skipped(target.name(), Outcome.BULKHEAD_FULL));
            tryTarget(index + 1, 1);
            return;
        }
        final long timeoutNanos = target.timeout().isZero() ? remainingNanos
                                                            : Math.min(target.timeout().toNanos(), remainingNanos);
        final long startNanos = System.nanoTime();
        target.latency().started();
        final ProviderRequest request = new ProviderRequest(target.providerModel(), messages, options);
        final int sequence = ++started;
        currentTarget = target.name();
        final StreamHandle handle = call.start(target, request, timeoutNanos, new TargetCall.Outcome() {
            @Override
            public void succeeded(ProviderReply reply) {
                final long latencyNanos = finish(target, startNanos, false);
                target.breaker().onSuccess(latencyNanos, TimeUnit.NANOSECONDS);
                attempts.add(new RouteAttempt(target.name(), Outcome.SUCCEEDED, "", latencyNanos, 0));
                result.complete(new RoutedReply(reply, target.provider().name(), attempts, index > 0));
            }

            @Override
            public void failed(Throwable cause, boolean committed) {
                if (result.isCancelled()) {
                    // The caller went away: the attempt says nothing about the target's health.
                    target.bulkhead().onComplete();
                    target.breaker().releasePermission();
                    target.latency().abandoned();
                    return;
                }
                currentTarget = null; // Until the next attempt starts, no target is working on the request.
                final GatewayException failure = Failures.toGatewayException(cause, target);
                final boolean retryable = Failures.retryable(failure);
                final long latencyNanos = finish(target, startNanos, retryable);
                if (retryable) {
                    target.breaker().onError(latencyNanos, TimeUnit.NANOSECONDS, failure);
                } else {
                    // The provider answered; the request was at fault, not the provider's health.
                    target.breaker().onSuccess(latencyNanos, TimeUnit.NANOSECONDS);
                }
                attempts.add(new RouteAttempt(target.name(), Outcome.FAILED, failure.reason().name(),
                                              latencyNanos, Failures.upstreamStatus(failure)));
                lastFailure = failure;
                if (committed || !retryable) {
                    result.completeExceptionally(withAttempts(failure));
                } else {
                    retryOrFallBack(target, index, attempt, failure);
                }
            }
        });
        if (sequence == started) {
            current = handle;
        }
        if (result.isCancelled()) {
            handle.cancel();
        }
    }

    private void retryOrFallBack(RouteTarget target, int index, int attempt, GatewayException failure) {
        if (attempt < target.retry().maxAttempts()) {
            final Duration retryAfter = failure.retryAfter();
            final long delayNanos;
            if (retryAfter != null) {
                delayNanos = retryAfter.toMillis() <= target.retry().maxRetryAfterMs() ? retryAfter.toNanos() : -1;
            } else {
                delayNanos = TimeUnit.MILLISECONDS.toNanos(target.backoff().apply(attempt));
            }
            if (delayNanos >= 0 &&
                deadline.remainingNanos() - delayNanos > target.latency().latencyNanos()) {
                CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS)
                                 .execute(() -> tryTarget(index, attempt + 1));
                return;
            }
        }
        tryTarget(index + 1, 1);
    }

    private static long finish(RouteTarget target, long startNanos, boolean failed) {
        final long latencyNanos = System.nanoTime() - startNanos;
        target.bulkhead().onComplete();
        target.latency().finished(latencyNanos, failed);
        return latencyNanos;
    }

    /** Every target was tried or skipped: the last failure, or why none could be called. */
    private void giveUp() {
        final GatewayException failure;
        if (lastFailure != null) {
            failure = lastFailure;
        } else if (deadline.remainingNanos() == 0) {
            failure = GatewayException.of(ErrorReason.PROVIDER_TIMEOUT,
                                          "route '" + route.name() + "': the caller's deadline left no time " +
                                          "for any target");
        } else {
            failure = GatewayException.of(ErrorReason.PROVIDER_UNAVAILABLE,
                                          "route '" + route.name() + "': no target can take the request now " +
                                          "(breakers open or bulkheads full)");
        }
        result.completeExceptionally(withAttempts(failure));
    }

    private GatewayException withAttempts(GatewayException failure) {
        if (attempts.isEmpty()) {
            return failure;
        }
        final Map<String, String> metadata = new HashMap<>(failure.metadata());
        metadata.put("route", route.name());
        metadata.put("route_attempts", attempts.stream().map(RouteAttempt::toString)
                                               .collect(Collectors.joining("; ")));
        return failure.withMetadata(metadata);
    }
}
