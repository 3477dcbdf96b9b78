package dev.slipstream.execution.strategy;

import java.math.BigDecimal;

/** How much to send now, who decided it and why; {@code advisorLatencyMillis} is −1 when no advisor answered. */
public record SliceDecision(
        BigDecimal quantity, DecisionSource source, String action, String reasoning, long advisorLatencyMillis) {

    public static SliceDecision base(BigDecimal quantity, String reasoning) {
        return new SliceDecision(quantity, DecisionSource.BASE, "CONTINUE", reasoning, -1);
    }
}
