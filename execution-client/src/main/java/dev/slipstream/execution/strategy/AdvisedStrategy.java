package dev.slipstream.execution.strategy;

/** A strategy that asks an advisor and falls back when the answer is late, failed or invalid. */
public interface AdvisedStrategy extends ExecutionStrategy {

    /** Fallbacks as a share of the advisor's settled questions; 0 before any. */
    double fallbackRate();
}
