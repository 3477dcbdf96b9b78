package dev.slipstream.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a store's stages in tests, never longer than a few seconds. */
final class Await {
    private static final long TIMEOUT_SECONDS = 5;

    static <T> T result(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("expected a result, but the stage failed with " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no result within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    /** The exception the stage failed with, checked to be a {@code type}. */
    static <E extends Throwable> E failure(CompletionStage<?> stage, Class<E> type) {
        try {
            final Object result = stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure with " + type.getSimpleName() + ", but got " + result);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(type);
            return type.cast(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no failure within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    private Await() {}
}
