package dev.slipstream.context;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A conversation session as stored: its owner tenant, its time to live (refreshed by every write and by
 * {@link ContextStore#touch}), a version that every write increments, the messages in order, the
 * optional running summary and the caller's metadata.
 */
public record Session(String id, String tenant, Instant createdAt, Instant updatedAt, Duration ttl, long version,
                      List<SessionMessage> messages, @Nullable RunningSummary summary,
                      Map<String, String> metadata) {
    /** The version of a session that was just created. */
    public static final long FIRST_VERSION = 1;

    public Session {
        requireNonNull(id, "id");
        requireNonNull(tenant, "tenant");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(updatedAt, "updatedAt");
        requireNonNull(ttl, "ttl");
        messages = List.copyOf(messages);
        metadata = Map.copyOf(metadata);
    }

    Session withAppended(List<SessionMessage> appended, Instant now) {
        final List<SessionMessage> all = new ArrayList<>(messages.size() + appended.size());
        all.addAll(messages);
        all.addAll(appended);
        return new Session(id, tenant, createdAt, now, ttl, version + 1, all, summary, metadata);
    }

    Session withSummary(RunningSummary newSummary, Instant now) {
        return new Session(id, tenant, createdAt, now, ttl, version + 1, messages, newSummary, metadata);
    }

    SessionInfo info() {
        return new SessionInfo(id, createdAt, updatedAt, ttl, version, messages.size(), metadata);
    }
}
