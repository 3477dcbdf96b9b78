package dev.slipstream.execution.strategy;

import java.util.Optional;

/** What an advisor may tell the strategy, mirroring the ExecutionDecision prompt's actions. */
public enum AdvisorAction {
    /** Keep the base strategy's quantity. */
    CONTINUE,
    /** Send the advisor's quantity now, more than the base. */
    ACCELERATE,
    /** Send the advisor's quantity now, less than the base. */
    DECELERATE,
    /** Send nothing now. */
    PAUSE;

    public static Optional<AdvisorAction> parse(String action) {
        for (AdvisorAction candidate : values()) {
            if (candidate.name().equals(action)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
