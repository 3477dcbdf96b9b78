package dev.slipstream.execution.strategy;

/**
 * Who decided a slice: the base strategy; an offline advisor (the backtest's rule of thumb); the gateway's model,
 * on its first answer or after one repair; or the base strategy after the advisor failed, was late, answered
 * something invalid or only had its baseline to offer.
 */
public enum DecisionSource {
    BASE,
    ADVISOR,
    MODEL,
    REPAIRED,
    FALLBACK
}
