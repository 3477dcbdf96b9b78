package dev.slipstream.gateway.grpc;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/** Completes a unary call from a future, whether the work fails at once or later; cancels it if the caller leaves. */
final class UnaryReplies {
    private UnaryReplies() {}

    static <T, R> void reply(Supplier<CompletableFuture<T>> work, Function<T, R> toResponse,
                             StreamObserver<R> responseObserver) {
        final CompletableFuture<T> future;
        try {
            future = work.get();
        } catch (RuntimeException e) {
            responseObserver.onError(e);
            return;
        }
        ((ServerCallStreamObserver<R>) responseObserver).setOnCancelHandler(() -> future.cancel(false));
        future.whenComplete((result, error) -> {
            if (error != null) {
                responseObserver.onError(error);
                return;
            }
            final R response;
            try {
                response = toResponse.apply(result);
            } catch (RuntimeException e) {
                responseObserver.onError(e);
                return;
            }
            responseObserver.onNext(response);
            responseObserver.onCompleted();
        });
    }
}
