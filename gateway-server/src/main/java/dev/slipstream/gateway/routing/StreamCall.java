package dev.slipstream.gateway.routing;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;
import dev.slipstream.gateway.provider.ChatProvider.StreamHandle;
import dev.slipstream.gateway.provider.ProviderReply;
import dev.slipstream.gateway.provider.ProviderRequest;
import dev.slipstream.gateway.provider.ProviderStreamHandler;

/**
 * One streamed attempt: its chunks go straight to the caller. Until the first chunk it may still be retried
 * or fall back (its timeout is the wait for that chunk); after it, a failure ends the caller's stream.
 */
final class StreamCall implements TargetCall {
    private final Consumer<String> caller;

    /** @param caller receives the non-empty chunks; the route reports the outcome */
    StreamCall(Consumer<String> caller) {
        this.caller = requireNonNull(caller, "caller");
    }

    @Override
    public StreamHandle start(RouteTarget target, ProviderRequest request, long timeoutNanos, Outcome outcome) {
        final Attempt attempt = new Attempt(target, outcome);
        attempt.handle = target.provider().stream(request, attempt);
        if (timeoutNanos != Long.MAX_VALUE) {
            CompletableFuture.delayedExecutor(timeoutNanos, TimeUnit.NANOSECONDS).execute(attempt::timeOut);
        }
        return attempt::cancel;
    }

    /** Guards one outcome and, against the timer, the first chunk: a timed-out attempt sends nothing. */
    private final class Attempt implements ProviderStreamHandler {
        private final RouteTarget target;
        private final Outcome outcome;
        private volatile StreamHandle handle = StreamHandle.NOOP;
        private boolean settled;
        private int chunks;
        private long chars;

        Attempt(RouteTarget target, Outcome outcome) {
            this.target = target;
            this.outcome = outcome;
        }

        @Override
        public void onDelta(String text) {
            synchronized (this) {
                if (settled || text.isEmpty()) {
                    return;
                }
                chunks++;
                chars += text.length();
            }
            caller.accept(text);
        }

        @Override
        public void onComplete(ProviderReply reply) {
            if (settle()) {
                outcome.succeeded(reply);
            }
        }

        @Override
        public void onError(Throwable cause) {
            final int sent;
            final long sentChars;
            synchronized (this) {
                if (settled) {
                    return;
                }
                settled = true;
                sent = chunks;
                sentChars = chars;
            }
            if (sent == 0) {
                outcome.failed(cause, false);
            } else {
                outcome.failed(cut(cause, sent, sentChars), true);
            }
        }

        void timeOut() {
            synchronized (this) {
                if (settled || chunks > 0) {
                    return;
                }
                settled = true;
            }
            handle.cancel();
            outcome.failed(new TimeoutException("no first chunk in time"), false);
        }

        void cancel() {
            if (settle()) {
                outcome.failed(new CancellationException("the caller went away"), false);
            }
            handle.cancel();
        }

        private synchronized boolean settle() {
            if (settled) {
                return false;
            }
            settled = true;
            return true;
        }

        /** UNAVAILABLE saying how much of the reply the caller already has, and what went wrong upstream. */
        private GatewayException cut(Throwable cause, int sent, long sentChars) {
            final GatewayException upstream = Failures.toGatewayException(cause, target);
            return GatewayException.of(ErrorReason.PROVIDER_UNAVAILABLE,
                                       "stream from " + target.name() + " failed after " + sent + " chunks (" +
                                       sentChars + " characters) had been sent: " + upstream.getMessage(),
                                       upstream)
                                   .withMetadata(Map.of("provider", target.provider().name(),
                                                        "upstream_reason", upstream.reason().name(),
                                                        "delivered_chunks", String.valueOf(sent),
                                                        "delivered_chars", String.valueOf(sentChars)));
        }
    }
}
