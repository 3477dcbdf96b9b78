package dev.slipstream.context;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The argument and limit checks of {@link ContextStore}, in one place so that both stores accept and
 * refuse exactly the same requests. The Redis store repeats only the checks that depend on a session's
 * current size inside its Lua script, where they are atomic with the write.
 */
final class SessionRules {
    private final ContextStoreLimits limits;

    SessionRules(ContextStoreLimits limits) {
        this.limits = requireNonNull(limits, "limits");
    }

    ContextStoreLimits limits() {
        return limits;
    }

    static String requireTenant(String tenant) {
        requireNonNull(tenant, "tenant");
        if (tenant.isBlank()) {
            throw new IllegalArgumentException("tenant: blank (expected: a tenant id)");
        }
        return tenant;
    }

    /** The id, if it could name a session at all; any other string names none. */
    static String knownId(String sessionId) {
        requireNonNull(sessionId, "sessionId");
        if (!SessionIds.isWellFormed(sessionId)) {
            throw new SessionNotFoundException(sessionId);
        }
        return sessionId;
    }

    static List<SessionMessage> requireMessages(List<SessionMessage> messages) {
        final List<SessionMessage> copy = List.copyOf(requireNonNull(messages, "messages"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("messages: empty (expected: at least one message)");
        }
        return copy;
    }

    int pageSize(int requested) {
        if (requested < 0) {
            throw new IllegalArgumentException("pageSize: " + requested + " (expected: >= 0)");
        }
        return requested == 0 ? limits.maxPageSize() : Math.min(requested, limits.maxPageSize());
    }

    /** The time to live of a new session, at the millisecond precision Redis keeps. */
    Duration ttl(@Nullable Duration requested) {
        if (requested == null) {
            return limits.defaultTtl().truncatedTo(ChronoUnit.MILLIS);
        }
        final Duration ttl = requested.truncatedTo(ChronoUnit.MILLIS);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl: " + requested + " (expected: >= 1ms)");
        }
        if (ttl.compareTo(limits.maxTtl()) > 0) {
            throw new ContextLimitExceededException(ContextLimit.TTL_MILLIS, ttl.toMillis(),
                                                    limits.maxTtl().toMillis());
        }
        return ttl;
    }

    /** Checks a new session against every limit; returns its size in bytes. */
    long measureNewSession(Map<String, String> metadata, List<SessionMessage> initialMessages) {
        if (metadata.size() > limits.maxMetadataEntries()) {
            throw new ContextLimitExceededException(ContextLimit.METADATA_ENTRIES, metadata.size(),
                                                    limits.maxMetadataEntries());
        }
        long bytes = 0;
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            bytes += Utf8.length(entry.getKey()) + Utf8.length(entry.getValue());
        }
        bytes += measureMessages(initialMessages);
        checkSize(initialMessages.size(), bytes);
        return bytes;
    }

    /** Checks each message against the per-message limit; returns their content bytes. */
    long measureMessages(List<SessionMessage> messages) {
        long bytes = 0;
        for (SessionMessage message : messages) {
            final long messageBytes = Utf8.length(message.content());
            if (messageBytes > limits.maxMessageBytes()) {
                throw new ContextLimitExceededException(ContextLimit.MESSAGE_BYTES, messageBytes,
                                                        limits.maxMessageBytes());
            }
            bytes += messageBytes;
        }
        return bytes;
    }

    static long measureSummary(@Nullable RunningSummary summary) {
        return summary == null ? 0 : Utf8.length(summary.text());
    }

    /** Checks the size a session would have after a write. */
    void checkSize(int messages, long bytes) {
        if (messages > limits.maxMessages()) {
            throw new ContextLimitExceededException(ContextLimit.MESSAGES, messages, limits.maxMessages());
        }
        checkBytes(bytes);
    }

    void checkBytes(long bytes) {
        if (bytes > limits.maxSessionBytes()) {
            throw new ContextLimitExceededException(ContextLimit.SESSION_BYTES, bytes, limits.maxSessionBytes());
        }
    }
}
