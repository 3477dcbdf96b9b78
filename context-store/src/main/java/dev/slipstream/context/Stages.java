package dev.slipstream.context;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Turns synchronous store work into the stages the API returns. */
final class Stages {
    /**
     * Runs {@code work} now. A {@link ContextStoreException} it throws fails the stage; anything else (a
     * programming error) is thrown to the caller, as {@link ContextStore} documents.
     */
    static <T> CompletionStage<T> run(Supplier<T> work) {
        return compose(() -> CompletableFuture.completedFuture(work.get()));
    }

    /** As {@link #run}, for work that starts asynchronous work of its own. */
    static <T> CompletionStage<T> compose(Supplier<? extends CompletionStage<T>> work) {
        try {
            return work.get();
        } catch (ContextStoreException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Stages() {}
}
