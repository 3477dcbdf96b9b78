package dev.slipstream.gateway.chat;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.routing.Route;

/** Watches every chat call from its start to its end: metrics and the per-request log. */
public interface ChatObserver {
    /** A call of {@code caller} starts; the returned call hears how it ended, exactly once. */
    Call start(Principal caller, ChatRequest request);

    /** One observed call. */
    interface Call {
        /**
         * @param timeToFirstTokenNanos for a stream, from its start to its first content; -1 for a unary call
         */
        void succeeded(Route route, ChatCompletion completion, long timeToFirstTokenNanos);

        /**
         * The response cache answered the call, which saved {@code savedCostMicrosUsd} (what the cached reply
         * cost when a provider made it); {@link #succeeded} follows.
         */
        void cacheHit(Route route, long savedCostMicrosUsd);

        /**
         * The caller cancelled a stream after a target was called; {@code usage} is what was produced up to
         * then, charged {@code costMicrosUsd}.
         */
        void cancelled(Route route, TokenUsage usage, long costMicrosUsd);

        /** @param route null when the call failed before its route was resolved */
        void failed(@Nullable Route route, Throwable cause);
    }
}
