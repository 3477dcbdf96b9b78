package dev.slipstream.gateway.chat;

import java.util.concurrent.CompletableFuture;

import dev.slipstream.gateway.auth.Principal;

/**
 * What the gateway enforces and accounts around each provider call: rate limits and budgets before it,
 * cost and spend after it.
 */
public interface ChatPolicy {
    /**
     * Admits a call of {@code caller} to {@code target}, or fails with a
     * {@link dev.slipstream.gateway.error.GatewayException} (RATE_LIMITED, BUDGET_EXCEEDED).
     */
    CompletableFuture<Admission> admit(Principal caller, ChatRequest request, ResolvedModel target);

    /** An admitted call; exactly one of its methods takes effect, later calls are ignored. */
    interface Admission {
        /** The call ended with {@code usage}: charges its real cost and returns it in micro-dollars. */
        long settle(TokenUsage usage);

        /** The call failed before the provider reported usage: nothing is charged. */
        void release();

        /** The caller went away before the end: the estimate taken at admission stands. */
        void abandon();
    }
}
