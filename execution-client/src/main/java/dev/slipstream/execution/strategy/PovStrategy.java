package dev.slipstream.execution.strategy;

import java.math.BigDecimal;

/**
 * Percentage of volume: keep what was sent at {@code participation} of the volume traded since the start,
 * rounded down to the lot; a catch-up below the minimum quantity waits. It never chases the deadline, because
 * that would break the participation promise (Bybit's POV strategy behaves the same way).
 */
public final class PovStrategy implements ExecutionStrategy {

    private final double participation;

    public PovStrategy(double participation) {
        if (!(participation > 0 && participation <= 1)) {
            throw new IllegalArgumentException("participation: " + participation + " (expected: in (0, 1])");
        }
        this.participation = participation;
    }

    @Override
    public String name() {
        return "pov";
    }

    @Override
    public SliceDecision decide(StrategyContext context) {
        BigDecimal target = context.instrument()
                .roundDownToLot(participation * context.volumeSinceStart());
        BigDecimal due = target.subtract(context.sent()).max(BigDecimal.ZERO).min(context.unsent());
        if (due.compareTo(context.instrument().minQuantity()) < 0 && due.compareTo(context.unsent()) < 0) {
            due = BigDecimal.ZERO;
        }
        return SliceDecision.base(due, "pov " + participation + " of " + context.volumeSinceStart());
    }
}
