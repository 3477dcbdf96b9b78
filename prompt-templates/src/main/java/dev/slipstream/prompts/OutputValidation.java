package dev.slipstream.prompts;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The verdict on a model's answer: the parsed output, or everything wrong with it. */
public sealed interface OutputValidation {
    /** The answer is one JSON object, valid against the output schema and within the bounds. */
    record Valid(JsonNode output) implements OutputValidation {}

    /** The answer is unusable; the violations are precise enough to tell the model what to fix. */
    record Invalid(List<Violation> violations) implements OutputValidation {
        public Invalid {
            violations = List.copyOf(violations);
        }
    }
}
