package dev.slipstream.context;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One message of a conversation. The timestamp is kept with microsecond precision, the precision both
 * stores persist, so that a message reads back equal to the one appended.
 */
public record SessionMessage(MessageRole role, String content, int tokenCount, Instant timestamp) {
    public SessionMessage {
        requireNonNull(role, "role");
        requireNonNull(content, "content");
        requireNonNull(timestamp, "timestamp");
        if (tokenCount < 0) {
            throw new IllegalArgumentException("tokenCount: " + tokenCount + " (expected: >= 0)");
        }
        timestamp = timestamp.truncatedTo(ChronoUnit.MICROS);
    }
}
