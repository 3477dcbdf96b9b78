package dev.slipstream.context;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

/**
 * Conversation sessions, each owned by one tenant. A session of another tenant is never shown: every
 * operation on it fails with {@link SessionNotFoundException}, exactly as for a session that does not
 * exist.
 *
 * <p>Writes are versioned: a new session has {@link Session#FIRST_VERSION}, and {@link #append} and
 * {@link #setSummary} succeed only when the caller names the current version, then increment it
 * (optimistic concurrency). A write either applies completely or not at all.
 *
 * <p>A session expires when it has not been written or touched for its time to live; reading it does
 * not extend it.
 *
 * <p>Failures: a programming error (a {@code null}, a blank tenant, no messages to append, a negative
 * page size, a time to live under a millisecond) throws at once. Everything else the store decides
 * completes the returned stage exceptionally with a {@link ContextStoreException}:
 * {@link SessionNotFoundException}, {@link VersionConflictException}, {@link ContextLimitExceededException},
 * {@link InvalidPageTokenException} or {@link ContextStoreUnavailableException}.
 */
public interface ContextStore extends AutoCloseable {
    /**
     * Creates a session.
     *
     * @param ttl the time to live (millisecond precision), or {@code null} for the configured default
     * @param initialMessages the messages the session starts with, such as a system prompt; may be empty
     */
    CompletionStage<Session> create(String tenant, @Nullable Duration ttl, Map<String, String> metadata,
                                    List<SessionMessage> initialMessages);

    CompletionStage<Session> get(String tenant, String sessionId);

    /**
     * One page of the tenant's sessions, most recently updated first.
     *
     * @param pageSize at most this many sessions; 0 or more than the configured maximum means the
     *        maximum
     * @param pageToken {@code null} for the first page, else the previous page's
     *        {@link SessionPage#nextPageToken()}
     */
    CompletionStage<SessionPage> list(String tenant, int pageSize, @Nullable String pageToken);

    CompletionStage<Void> delete(String tenant, String sessionId);

    /**
     * Appends messages at the end of the session and refreshes its time to live.
     *
     * @return the session's new version
     */
    CompletionStage<Long> append(String tenant, String sessionId, long expectedVersion,
                                 List<SessionMessage> messages);

    /**
     * Replaces the session's running summary and refreshes its time to live.
     *
     * @return the session's new version
     */
    CompletionStage<Long> setSummary(String tenant, String sessionId, long expectedVersion,
                                     RunningSummary summary);

    /** Restarts the session's time to live without changing it otherwise. */
    CompletionStage<Void> touch(String tenant, String sessionId);

    /** Releases what the store owns (for Redis: the connection it opened itself). */
    @Override
    void close();
}
