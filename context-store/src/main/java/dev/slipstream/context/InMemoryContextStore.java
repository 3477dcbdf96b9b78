package dev.slipstream.context;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * The embedded {@link ContextStore}: sessions in a Caffeine cache, each expiring after its own time to
 * live since its last write or touch. Every write is one atomic {@code compute} on its session, so
 * version checks and limits hold under concurrency exactly as in the Redis store. Sessions live in this
 * process only; beyond {@link Builder#maximumSessions}, Caffeine evicts the ones it expects to be used
 * least.
 */
public final class InMemoryContextStore implements ContextStore {
    public static final long DEFAULT_MAXIMUM_SESSIONS = 100_000;

    /** A session and its size in bytes, kept so that a write need not measure the whole session again. */
    private record Stored(Session session, long bytes) {}

    private final SessionRules rules;
    private final Clock clock;
    private final Cache<String, Stored> sessions;
    private final InMemoryTenantIndex index = new InMemoryTenantIndex();

    private InMemoryContextStore(Builder builder) {
        rules = new SessionRules(builder.limits);
        clock = builder.clock;
        sessions = Caffeine.newBuilder()
                           .maximumSize(builder.maximumSessions)
                           .expireAfter(Expiry.<String, Stored>writing((id, stored) -> stored.session().ttl()))
                           .evictionListener((id, stored, cause) -> {
                               if (stored != null) {
                                   index.remove(stored.session().tenant(), IndexEntry.of(stored.session()));
                               }
                           })
                           .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletionStage<Session> create(String tenant, @Nullable Duration ttl, Map<String, String> metadata,
                                           List<SessionMessage> initialMessages) {
        SessionRules.requireTenant(tenant);
        final Map<String, String> metadataCopy = Map.copyOf(metadata);
        final List<SessionMessage> messages = List.copyOf(initialMessages);
        return Stages.run(() -> {
            final Duration resolvedTtl = rules.ttl(ttl);
            final long bytes = rules.measureNewSession(metadataCopy, messages);
            final Instant now = Timestamps.now(clock);
            final Session session = new Session(SessionIds.newId(), tenant, now, now, resolvedTtl,
                                                Session.FIRST_VERSION, messages, null, metadataCopy);
            if (sessions.asMap().putIfAbsent(session.id(), new Stored(session, bytes)) != null) {
                throw new IllegalStateException("session id collision: " + session.id());
            }
            // Indexed only once visible: a listing prunes index entries whose session it cannot find.
            index.add(tenant, IndexEntry.of(session));
            return session;
        });
    }

    @Override
    public CompletionStage<Session> get(String tenant, String sessionId) {
        SessionRules.requireTenant(tenant);
        return Stages.run(() -> owned(sessions.getIfPresent(SessionRules.knownId(sessionId)), tenant, sessionId)
                .session());
    }

    @Override
    public CompletionStage<SessionPage> list(String tenant, int pageSize, @Nullable String pageToken) {
        SessionRules.requireTenant(tenant);
        final int size = rules.pageSize(pageSize);
        return Stages.run(() -> {
            final IndexPage page = IndexPage.cut(index.read(tenant, PageCursor.decode(pageToken), size + 1), size);
            final List<SessionInfo> infos = new ArrayList<>(page.entries().size());
            for (IndexEntry entry : page.entries()) {
                final Stored stored = sessions.getIfPresent(entry.sessionId());
                if (stored == null) {
                    // Expired, not yet evicted: prune it here rather than wait for the eviction.
                    index.remove(tenant, entry);
                } else {
                    infos.add(stored.session().info());
                }
            }
            return new SessionPage(infos, page.next() == null ? null : page.next().encode());
        });
    }

    @Override
    public CompletionStage<Void> delete(String tenant, String sessionId) {
        SessionRules.requireTenant(tenant);
        return Stages.run(() -> {
            sessions.asMap().compute(SessionRules.knownId(sessionId), (id, stored) -> {
                final Session session = owned(stored, tenant, id).session();
                index.remove(tenant, IndexEntry.of(session));
                return null;
            });
            return null;
        });
    }

    @Override
    public CompletionStage<Long> append(String tenant, String sessionId, long expectedVersion,
                                        List<SessionMessage> messages) {
        SessionRules.requireTenant(tenant);
        final List<SessionMessage> appended = SessionRules.requireMessages(messages);
        return Stages.run(() -> {
            final long appendedBytes = rules.measureMessages(appended);
            return write(tenant, sessionId, expectedVersion, stored -> {
                final long bytes = stored.bytes() + appendedBytes;
                rules.checkSize(stored.session().messages().size() + appended.size(), bytes);
                return new Stored(stored.session().withAppended(appended, Timestamps.now(clock)), bytes);
            });
        });
    }

    @Override
    public CompletionStage<Long> setSummary(String tenant, String sessionId, long expectedVersion,
                                            RunningSummary summary) {
        SessionRules.requireTenant(tenant);
        requireNonNull(summary, "summary");
        return Stages.run(() -> write(tenant, sessionId, expectedVersion, stored -> {
            final Session session = stored.session();
            final long bytes = stored.bytes() - SessionRules.measureSummary(session.summary()) +
                               SessionRules.measureSummary(summary);
            rules.checkBytes(bytes);
            return new Stored(session.withSummary(summary, Timestamps.now(clock)), bytes);
        }));
    }

    @Override
    public CompletionStage<Void> touch(String tenant, String sessionId) {
        SessionRules.requireTenant(tenant);
        return Stages.run(() -> {
            // Returning the entry unchanged still counts as a write, which restarts its time to live.
            sessions.asMap().compute(SessionRules.knownId(sessionId), (id, stored) -> owned(stored, tenant, id));
            return null;
        });
    }

    @Override
    public void close() {
        sessions.invalidateAll();
    }

    /** Applies a versioned write atomically; the index follows the session's new update time. */
    private long write(String tenant, String sessionId, long expectedVersion,
                       UnaryOperator<Stored> change) {
        final Stored written = sessions.asMap().compute(SessionRules.knownId(sessionId), (id, stored) -> {
            final Session current = owned(stored, tenant, id).session();
            if (current.version() != expectedVersion) {
                throw new VersionConflictException(id, expectedVersion, current.version());
            }
            final Stored next = change.apply(stored);
            index.remove(tenant, IndexEntry.of(current));
            index.add(tenant, IndexEntry.of(next.session()));
            return next;
        });
        return requireNonNull(written, "written").session().version();
    }

    private static Stored owned(@Nullable Stored stored, String tenant, String sessionId) {
        if (stored == null || !stored.session().tenant().equals(tenant)) {
            throw new SessionNotFoundException(sessionId);
        }
        return stored;
    }

    /** Configures an {@link InMemoryContextStore}. */
    public static final class Builder {
        private ContextStoreLimits limits = ContextStoreLimits.DEFAULT;
        private long maximumSessions = DEFAULT_MAXIMUM_SESSIONS;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        public Builder limits(ContextStoreLimits limits) {
            this.limits = requireNonNull(limits, "limits");
            return this;
        }

        /** Beyond this many sessions, Caffeine evicts the ones it expects to be used least. */
        public Builder maximumSessions(long maximumSessions) {
            if (maximumSessions <= 0) {
                throw new IllegalArgumentException("maximumSessions: " + maximumSessions + " (expected: > 0)");
            }
            this.maximumSessions = maximumSessions;
            return this;
        }

        /** The clock of {@code createdAt} and {@code updatedAt}; expiry always follows real time. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        public InMemoryContextStore build() {
            return new InMemoryContextStore(this);
        }
    }
}
