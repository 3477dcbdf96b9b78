package dev.slipstream.context;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What a listing shows of a session: everything but its messages and summary. */
public record SessionInfo(String id, Instant createdAt, Instant updatedAt, Duration ttl, long version,
                          int messageCount, Map<String, String> metadata) {
    public SessionInfo {
        requireNonNull(id, "id");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(updatedAt, "updatedAt");
        requireNonNull(ttl, "ttl");
        metadata = Map.copyOf(metadata);
    }
}
