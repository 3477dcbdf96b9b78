package dev.slipstream.prompts;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * One thing wrong with a value, located inside it.
 *
 * @param at where in the checked value, e.g. {@code /order/quantity}; empty for the value itself
 * @param message what was wrong and what was expected, e.g. {@code -5 (expected: >= 0)}
 */
public record Violation(JsonPointer at, String message) {
    public Violation {
        requireNonNull(at, "at");
        requireNonNull(message, "message");
    }

    /** The same violation, seen from a value that holds the checked one at {@code prefix}. */
    public Violation under(JsonPointer prefix) {
        return new Violation(prefix.append(at), message);
    }

    /** The location as readers write it: {@code order.quantity}, {@code context_lines[3]}; empty for the root. */
    public String path() {
        final StringBuilder path = new StringBuilder();
        for (JsonPointer rest = at; !rest.matches(); rest = rest.tail()) {
            if (rest.getMatchingIndex() >= 0) {
                path.append('[').append(rest.getMatchingIndex()).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(rest.getMatchingProperty());
            }
        }
        return path.toString();
    }

    @Override
    public String toString() {
        final String path = path();
        return path.isEmpty() ? message : path + ": " + message;
    }
}
