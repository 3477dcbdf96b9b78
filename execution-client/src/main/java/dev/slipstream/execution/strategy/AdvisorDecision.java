package dev.slipstream.execution.strategy;

/**
 * An advisor's answer as it arrives, unchecked: the action is free text and the numbers may be anything
 * (the model behind it can be wrong). {@code quantity} is what to send now; {@code impactFactor} scales the
 * impact estimate (the ImpactAdjustment prompt's factor, valid in [0.5, 2.0]); {@code source} is the source the
 * slice is recorded with when the answer is used.
 */
public record AdvisorDecision(
        String action, double quantity, double impactFactor, double confidence, String reasoning,
        DecisionSource source) {

    /** An answer from an offline advisor. */
    public AdvisorDecision(String action, double quantity, double impactFactor, double confidence, String reasoning) {
        this(action, quantity, impactFactor, confidence, reasoning, DecisionSource.ADVISOR);
    }
}
