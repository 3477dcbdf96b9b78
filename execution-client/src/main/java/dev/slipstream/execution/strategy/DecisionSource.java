package dev.slipstream.execution.strategy;

/** Who decided a slice: the base strategy, the advisor, or the base strategy after the advisor failed. */
public enum DecisionSource {
    BASE,
    ADVISOR,
    FALLBACK
}
