package dev.slipstream.execution.advisor;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Completes a future with a unary call's mapped response. It fails on any gRPC error (UNAVAILABLE when the gateway
 * is down, DEADLINE_EXCEEDED when it is late), when the mapping throws (the gateway only had its baseline) or when
 * the call ends unanswered.
 */
final class AnswerObserver<R, T> implements StreamObserver<R> {

    private final CompletableFuture<T> answer = new CompletableFuture<>();
    private final Function<R, T> mapping;

    AnswerObserver(Function<R, T> mapping) {
        this.mapping = mapping;
    }

    CompletableFuture<T> answer() {
        return answer;
    }

    @Override
    public void onNext(R response) {
        try {
            answer.complete(mapping.apply(response));
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }

    @Override
    public void onError(Throwable failure) {
        answer.completeExceptionally(failure);
    }

    @Override
    public void onCompleted() {
        answer.completeExceptionally(new IllegalStateException("gateway closed the call unanswered"));
    }
}
