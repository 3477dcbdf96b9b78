package dev.slipstream.prompts;

import java.util.List;
import java.util.stream.Collectors;

/** The variables handed to the renderer do not match the template's declarations. */
public final class InvalidVariablesException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidVariablesException(String templateName, List<Violation> violations) {
        super("invalid variables for " + templateName + ": " +
              violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
