package dev.slipstream.gateway.routing;

import dev.slipstream.gateway.provider.ChatProvider.StreamHandle;
import dev.slipstream.gateway.provider.ProviderReply;
import dev.slipstream.gateway.provider.ProviderRequest;

/** Makes one attempt at one target, unary or streamed, and reports exactly one outcome. */
interface TargetCall {
    /**
     * @param timeoutNanos how long the attempt may take to answer (a stream: to send its first chunk);
     *                     {@link Long#MAX_VALUE} for no limit of the gateway's own
     * @return stops the attempt
     */
    StreamHandle start(RouteTarget target, ProviderRequest request, long timeoutNanos, Outcome outcome);

    interface Outcome {
        void succeeded(ProviderReply reply);

        /**
         * @param committed true when part of the reply already reached the caller, so that neither a retry
         *                  nor a fallback may follow
         */
        void failed(Throwable cause, boolean committed);
    }
}
