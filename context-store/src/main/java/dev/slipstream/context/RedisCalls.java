package dev.slipstream.context;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;

/**
 * Bounds Redis calls by the command timeout and turns their failures into
 * {@link ContextStoreUnavailableException}, so that a Redis that is down or silent fails a call within
 * the timeout instead of hanging it, whatever the options of a connection given from outside.
 */
final class RedisCalls {
    private final Duration timeout;

    RedisCalls(Duration timeout) {
        this.timeout = requireNonNull(timeout, "timeout");
    }

    <T> CompletableFuture<T> bounded(RedisFuture<T> command) {
        final CompletableFuture<T> result =
                command.toCompletableFuture().copy().orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        result.whenComplete((unused, failure) -> {
            if (failure instanceof TimeoutException) {
                // Not sent yet (still queued): never send it. Already sent: Redis may still apply it.
                command.cancel(false);
            }
        });
        return result;
    }

    /** The same stage, with Redis failures as {@link ContextStoreUnavailableException}. */
    <T> CompletionStage<T> typed(CompletionStage<T> stage) {
        return stage.exceptionallyCompose(failure -> CompletableFuture.failedFuture(translate(failure)));
    }

    /** The failure a composed stage wraps in a {@link CompletionException}. */
    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private Throwable translate(Throwable failure) {
        final Throwable cause = unwrap(failure);
        if (cause instanceof TimeoutException) {
            return new ContextStoreUnavailableException(
                    "Redis did not reply within " + timeout + " (expected: a reply within the command timeout)",
                    cause);
        }
        if (cause instanceof RedisException) {
            return new ContextStoreUnavailableException("Redis failed: " + cause.getMessage(), cause);
        }
        return cause;
    }
}
