package dev.slipstream.execution.backtest;

/**
 * How one strategy did on one parent order. Costs are in bps, positive when they hurt: implementation shortfall
 * against the decision price with the unfilled rest marked at the deadline (Perold 1988), slippage of the
 * average fill against the market's VWAP over the horizon and against the mid at arrival.
 */
record OrderOutcome(
        String strategy, String parentId, double shortfallBps, double vwapSlippageBps, double arrivalSlippageBps,
        double participation, double fillRate, boolean completed, double fallbackRate) {}
