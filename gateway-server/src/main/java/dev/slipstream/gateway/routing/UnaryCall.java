package dev.slipstream.gateway.routing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.slipstream.gateway.provider.ChatProvider.StreamHandle;
import dev.slipstream.gateway.provider.ProviderReply;
import dev.slipstream.gateway.provider.ProviderRequest;

/** One unary attempt, given up on (not waited for) when it outlasts its timeout. */
final class UnaryCall implements TargetCall {
    static final UnaryCall INSTANCE = new UnaryCall();

    private UnaryCall() {}

    @Override
    public StreamHandle start(RouteTarget target, ProviderRequest request, long timeoutNanos, Outcome outcome) {
        final CompletableFuture<ProviderReply> reply = target.provider().complete(request);
        if (timeoutNanos != Long.MAX_VALUE) {
            reply.orTimeout(timeoutNanos, TimeUnit.NANOSECONDS);
        }
        reply.whenComplete((value, error) -> {
            if (error == null) {
                outcome.succeeded(value);
            } else {
                outcome.failed(error, false);
            }
        });
        return () -> reply.cancel(false);
    }
}
