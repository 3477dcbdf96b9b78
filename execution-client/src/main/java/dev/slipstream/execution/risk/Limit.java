package dev.slipstream.execution.risk;

/** The rule a child order broke. */
public enum Limit {
    QUANTITY,
    SIDE,
    PARTICIPATION,
    NOTIONAL,
    INTERVAL,
    ORDERS_PER_MINUTE,
    SPREAD,
    BENCHMARK_DEVIATION,
    VOLATILITY_HALT
}
