package dev.slipstream.execution.strategy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A question to an advisor in flight. {@code askedAt} is on the strategy's clock (simulated in a replay), so
 * lateness is judged there; the latency reported with an answer is wall-clock time, which a simulated clock cannot
 * show. An advisor that throws instead of failing its future counts as a failed answer.
 */
record PendingAnswer<T>(CompletableFuture<T> answer, Instant askedAt, long askedAtNanos,
        CompletableFuture<Long> answeredAtNanos) {

    static <T> PendingAnswer<T> ask(Supplier<CompletableFuture<T>> advisor, Instant now) {
        long askedAtNanos = System.nanoTime();
        CompletableFuture<T> answer;
        try {
            answer = advisor.get();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return new PendingAnswer<>(answer, now, askedAtNanos, answer.handle((value, failure) -> System.nanoTime()));
    }

    long waitedMillis(Instant now) {
        return Duration.between(askedAt, now).toMillis();
    }

    /** Wall-clock time from the question to its answer, or until now while there is none. */
    long answerMillis() {
        return (answeredAtNanos.getNow(System.nanoTime()) - askedAtNanos) / 1_000_000;
    }
}
