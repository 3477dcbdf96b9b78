package dev.slipstream.context;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The running summary of a session's earlier turns.
 *
 * @param summarizedThroughIndex the index of the last message folded into the summary, or {@code null}
 *        when the caller does not track it. The store keeps it for the caller and does not interpret it.
 */
public record RunningSummary(String text, @Nullable Integer summarizedThroughIndex) {
    public RunningSummary {
        requireNonNull(text, "text");
        if (summarizedThroughIndex != null && summarizedThroughIndex < 0) {
            throw new IllegalArgumentException(
                    "summarizedThroughIndex: " + summarizedThroughIndex + " (expected: >= 0 or null)");
        }
    }
}
