package dev.slipstream.gateway.chat;

import java.util.concurrent.CompletableFuture;

import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.routing.Route;

/**
 * What the gateway enforces and accounts around each provider call: rate limits and budgets before it,
 * cost and spend after it.
 */
public interface ChatPolicy {
    /**
     * Admits a call of {@code caller} through {@code route}, or fails with a
     * {@link dev.slipstream.gateway.error.GatewayException} (RATE_LIMITED, BUDGET_EXCEEDED). Which of the
     * route's targets will answer is not known yet: the estimate is priced at the most expensive of them, an
     * upper bound, so that a fallback to a pricier target cannot overshoot a budget.
     */
    CompletableFuture<Admission> admit(Principal caller, ChatRequest request, Route route);

    /** An admitted call; exactly one of its methods takes effect, later calls are ignored. */
    interface Admission {
        /**
         * The call ended with {@code usage}: charges its real cost at the price of {@code target} (the
         * {@code provider/model} of the route target that answered) and returns it in micro-dollars.
         */
        long settle(String target, TokenUsage usage);

        /** The call failed before the provider reported usage: nothing is charged. */
        void release();

        /** The caller went away before the end: the estimate taken at admission stands. */
        void abandon();
    }
}
