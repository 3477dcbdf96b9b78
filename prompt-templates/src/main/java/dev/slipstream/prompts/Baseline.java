package dev.slipstream.prompts;

import static java.util.Objects.requireNonNull;

/**
 * The deterministic answer served when no model answers validly, described for readers of the template.
 */
public record Baseline(String description) {
    public Baseline {
        requireNonNull(description, "description");
    }
}
