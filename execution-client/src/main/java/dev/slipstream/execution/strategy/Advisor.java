package dev.slipstream.execution.strategy;

import java.util.concurrent.CompletableFuture;

/**
 * Asks for an adjustment to the base strategy's decision. Asynchronous: the caller never waits; an answer that
 * comes late, fails or does not validate leaves the base decision standing.
 */
@FunctionalInterface
public interface Advisor {

    CompletableFuture<AdvisorDecision> advise(AdvisorRequest request);
}
