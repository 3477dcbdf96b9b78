package dev.slipstream.execution.strategy;

import static java.util.Objects.requireNonNull;

/** An impact advisor's answer: the factor on the base estimate, how sure it is, and why. */
public record ImpactAnswer(double factor, double confidence, String reasoning, DecisionSource source) {

    /** The range the ImpactAdjustment output schema allows. */
    public static final double MIN_FACTOR = 0.5;
    public static final double MAX_FACTOR = 2.0;

    public ImpactAnswer {
        requireNonNull(reasoning, "reasoning");
        requireNonNull(source, "source");
    }

    boolean hasValidFactor() {
        return factor >= MIN_FACTOR && factor <= MAX_FACTOR;
    }
}
