package dev.slipstream.execution.strategy;

import java.util.concurrent.CompletableFuture;

/**
 * Judges whether a model's impact estimate fits the market now (the gateway's {@code ImpactAdjustment}).
 * Asynchronous like {@link Advisor}: a late, failed or invalid answer leaves the current plan standing.
 */
@FunctionalInterface
public interface ImpactAdvisor {

    CompletableFuture<ImpactAnswer> adjust(ImpactQuestion question);
}
