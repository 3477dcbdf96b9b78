package dev.slipstream.gateway.error;

import static java.util.Objects.requireNonNull;

/** One invalid field of a request: its path (e.g. {@code messages[2].content}) and what was wrong. */
public record FieldViolation(String field, String description) {
    public FieldViolation {
        requireNonNull(field, "field");
        requireNonNull(description, "description");
    }
}
