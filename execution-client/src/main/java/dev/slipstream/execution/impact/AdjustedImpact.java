package dev.slipstream.execution.impact;

import static java.util.Objects.requireNonNull;

/**
 * A base model's estimate times the advisor's ImpactAdjustment factor; the factor is clamped to [0.5, 2.0], the
 * range the prompt's output schema allows, so a wild answer cannot more than halve or double the estimate.
 */
public record AdjustedImpact(ImpactModel base, double factor) implements ImpactModel {

    public static final double MIN_FACTOR = 0.5;
    public static final double MAX_FACTOR = 2.0;

    public AdjustedImpact {
        requireNonNull(base, "base");
        factor = Double.isNaN(factor) ? 1.0 : Math.clamp(factor, MIN_FACTOR, MAX_FACTOR);
    }

    @Override
    public Impact estimate(double quantity, MarketConditions conditions) {
        return base.estimate(quantity, conditions).scaled(factor);
    }
}
