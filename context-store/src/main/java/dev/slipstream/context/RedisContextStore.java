package dev.slipstream.context;

import static java.util.Objects.requireNonNull;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * The {@link ContextStore} on Redis, shared by every gateway replica. Each session is a hash and a list
 * under one hash tag (so it works on Redis Cluster), and each operation on it is one Lua script run, so
 * version checks and limits are atomic with the write. A tenant's listing is a sorted set of its own,
 * which lives in another hash slot; it is updated right after each write, and sessions that expired are
 * dropped from it when a listing meets them: listing is eventually consistent (a session whose index
 * update failed shows up again at its next write). The module README documents the data layout.
 *
 * <p>Every Redis call is bounded by the command timeout: when Redis is down or silent, calls fail with
 * {@link ContextStoreUnavailableException} within it. A store built from a URI reconnects by itself when
 * Redis returns.
 */
public final class RedisContextStore implements ContextStore {
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(1);

    private static final System.Logger logger = System.getLogger(RedisContextStore.class.getName());
    private static final String FIRST_PAGE_MAX_SCORE = "+inf";

    private final SessionRules rules;
    private final Clock clock;
    private final RedisAsyncCommands<String, String> commands;
    private final RedisCalls calls;
    private final SessionScript script;
    private final @Nullable OwnedRedisConnection owned;

    private RedisContextStore(Builder builder, StatefulRedisConnection<String, String> connection,
                              @Nullable OwnedRedisConnection owned) {
        rules = new SessionRules(builder.limits);
        clock = builder.clock;
        commands = connection.async();
        calls = new RedisCalls(builder.commandTimeout);
        script = new SessionScript(commands, calls);
        this.owned = owned;
    }

    /** A store that connects to {@code redisUri} ({@code redis://host:port}) and owns that connection. */
    public static Builder builder(String redisUri) {
        return new Builder(requireNonNull(redisUri, "redisUri"), null);
    }

    /**
     * A store on a connection opened elsewhere, which it does not close. Give that connection's client
     * {@link #clientOptions(Duration)}: without them, commands issued while Redis is away are queued and
     * sent when it returns, after the caller was told that they failed.
     */
    public static Builder builder(StatefulRedisConnection<String, String> connection) {
        return new Builder(null, requireNonNull(connection, "connection"));
    }

    /**
     * The client options this store uses for a connection of its own: reconnect automatically, reject
     * commands while disconnected (never send them late), and time commands out.
     */
    public static ClientOptions clientOptions(Duration commandTimeout) {
        return ClientOptions.builder()
                            .autoReconnect(true)
                            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                            .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
                            .build();
    }

    @Override
    public CompletionStage<Session> create(String tenant, @Nullable Duration ttl, Map<String, String> metadata,
                                           List<SessionMessage> initialMessages) {
        SessionRules.requireTenant(tenant);
        final Map<String, String> metadataCopy = Map.copyOf(metadata);
        final List<SessionMessage> messages = List.copyOf(initialMessages);
        return calls.typed(Stages.compose(() -> {
            final Duration resolvedTtl = rules.ttl(ttl);
            final long bytes = rules.measureNewSession(metadataCopy, messages);
            final Instant now = Timestamps.now(clock);
            final Session session = new Session(SessionIds.newId(), tenant, now, now, resolvedTtl,
                                                Session.FIRST_VERSION, messages, null, metadataCopy);
            final List<String> args = new ArrayList<>(List.of(
                    "create", tenant, Long.toString(Timestamps.toMicros(now)), Long.toString(resolvedTtl.toMillis()),
                    RedisSessionCodec.encodeMetadata(metadataCopy), Long.toString(bytes)));
            addEncoded(args, messages);
            return run(session.id(), args)
                    .thenApply(reply -> reply.values(session.id()))
                    .thenCompose(unused -> reindex(tenant, IndexEntry.of(session)))
                    .thenApply(unused -> session);
        }));
    }

    @Override
    public CompletionStage<Session> get(String tenant, String sessionId) {
        SessionRules.requireTenant(tenant);
        return calls.typed(Stages.compose(() -> run(SessionRules.knownId(sessionId), List.of("get", tenant))
                .thenApply(reply -> {
                    final List<Object> values = reply.values(sessionId);
                    @SuppressWarnings("unchecked")
                    final List<String> messages = (List<String>) values.get(1);
                    return RedisSessionCodec.decodeSession(sessionId, pairs(values.get(0)), messages);
                })));
    }

    @Override
    public CompletionStage<SessionPage> list(String tenant, int pageSize, @Nullable String pageToken) {
        SessionRules.requireTenant(tenant);
        final int size = rules.pageSize(pageSize);
        return calls.typed(Stages.compose(() -> {
            final PageCursor cursor = PageCursor.decode(pageToken);
            final String indexKey = RedisKeys.tenantIndex(tenant);
            final String maxScore = cursor == null ? FIRST_PAGE_MAX_SCORE
                                                   : Long.toString(cursor.last().updatedMicros());
            return script.run(new String[] { indexKey }, "page", maxScore, Integer.toString(size + 1))
                         .thenApply(reply -> IndexPage.cut(entriesAfter(cursor, reply.values(indexKey), size + 1),
                                                           size))
                         .thenCompose(page -> describe(tenant, page));
        }));
    }

    @Override
    public CompletionStage<Void> delete(String tenant, String sessionId) {
        SessionRules.requireTenant(tenant);
        return calls.typed(Stages.compose(() -> run(SessionRules.knownId(sessionId), List.of("delete", tenant))
                .thenApply(reply -> reply.values(sessionId))
                .thenCompose(unused -> bestEffort("unindex session " + sessionId, calls.bounded(
                        commands.zrem(RedisKeys.tenantIndex(tenant), sessionId))))));
    }

    @Override
    public CompletionStage<Long> append(String tenant, String sessionId, long expectedVersion,
                                        List<SessionMessage> messages) {
        SessionRules.requireTenant(tenant);
        final List<SessionMessage> appended = SessionRules.requireMessages(messages);
        return calls.typed(Stages.compose(() -> {
            SessionRules.knownId(sessionId);
            final long bytes = rules.measureMessages(appended);
            final long now = Timestamps.toMicros(Timestamps.now(clock));
            final List<String> args = new ArrayList<>(List.of(
                    "append", tenant, Long.toString(expectedVersion), Long.toString(now), Long.toString(bytes),
                    Integer.toString(rules.limits().maxMessages()), Long.toString(rules.limits().maxSessionBytes())));
            addEncoded(args, appended);
            return versionedWrite(tenant, sessionId, expectedVersion, now, args);
        }));
    }

    @Override
    public CompletionStage<Long> setSummary(String tenant, String sessionId, long expectedVersion,
                                            RunningSummary summary) {
        SessionRules.requireTenant(tenant);
        requireNonNull(summary, "summary");
        return calls.typed(Stages.compose(() -> {
            SessionRules.knownId(sessionId);
            final long now = Timestamps.toMicros(Timestamps.now(clock));
            final Integer through = summary.summarizedThroughIndex();
            return versionedWrite(tenant, sessionId, expectedVersion, now, List.of(
                    "summary", tenant, Long.toString(expectedVersion), Long.toString(now), summary.text(),
                    through == null ? "" : through.toString(),
                    Long.toString(SessionRules.measureSummary(summary)),
                    Long.toString(rules.limits().maxSessionBytes())));
        }));
    }

    @Override
    public CompletionStage<Void> touch(String tenant, String sessionId) {
        SessionRules.requireTenant(tenant);
        return calls.typed(Stages.compose(() -> run(SessionRules.knownId(sessionId), List.of("touch", tenant))
                .thenApply(reply -> reply.values(sessionId))
                .thenCompose(unused -> bestEffort("keep the index of tenant " + tenant, keepIndex(tenant)))));
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }

    private CompletionStage<ScriptReply> run(String sessionId, List<String> args) {
        return script.run(RedisKeys.session(sessionId), args.toArray(String[]::new));
    }

    private CompletionStage<Long> versionedWrite(String tenant, String sessionId, long expectedVersion,
                                                 long nowMicros, List<String> args) {
        return run(sessionId, args)
                .thenApply(reply -> (Long) reply.values(sessionId, expectedVersion).get(0))
                .thenCompose(version -> reindex(tenant, new IndexEntry(sessionId, nowMicros))
                        .thenApply(unused -> version));
    }

    /**
     * Moves the session to its new place in the tenant's listing. The session is already written, so a
     * failure here is logged, not reported: the next write puts the entry right.
     */
    private CompletionStage<Void> reindex(String tenant, IndexEntry entry) {
        final String indexKey = RedisKeys.tenantIndex(tenant);
        return bestEffort("index session " + entry.sessionId(),
                          calls.bounded(commands.zadd(indexKey, (double) entry.updatedMicros(), entry.sessionId())),
                          keepIndex(tenant));
    }

    /** The index outlives every session in it: none lives longer than the maximum TTL after its last write. */
    private CompletableFuture<Boolean> keepIndex(String tenant) {
        return calls.bounded(commands.pexpire(RedisKeys.tenantIndex(tenant), rules.limits().maxTtl()));
    }

    private static CompletionStage<Void> bestEffort(String what, CompletableFuture<?>... steps) {
        return CompletableFuture.allOf(steps).handle((unused, failure) -> {
            if (failure != null) {
                logger.log(Level.WARNING, "could not " + what + "; listing catches up at the next write", failure);
            }
            return null;
        });
    }

    /** The index entries after the cursor, from a {@code page} reply of id and score pairs. */
    private static List<IndexEntry> entriesAfter(@Nullable PageCursor cursor, List<Object> values, int limit) {
        final List<?> idsAndScores = (List<?>) values.get(0);
        final List<IndexEntry> entries = new ArrayList<>(limit);
        for (int i = 0; i + 1 < idsAndScores.size() && entries.size() < limit; i += 2) {
            final IndexEntry entry = new IndexEntry((String) idsAndScores.get(i),
                                                    (long) Double.parseDouble((String) idsAndScores.get(i + 1)));
            if (cursor == null || cursor.precedes(entry)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** Reads what a listing shows of each session; drops (and prunes) the ones that expired. */
    private CompletionStage<SessionPage> describe(String tenant, IndexPage page) {
        final List<CompletableFuture<List<KeyValue<String, String>>>> reads = new ArrayList<>();
        for (IndexEntry entry : page.entries()) {
            reads.add(calls.bounded(commands.hmget(RedisKeys.meta(entry.sessionId()),
                                                   RedisSessionCodec.INFO_FIELDS)));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenCompose(unused -> {
            final List<SessionInfo> infos = new ArrayList<>(reads.size());
            final List<String> expired = new ArrayList<>();
            for (int i = 0; i < reads.size(); i++) {
                final String sessionId = page.entries().get(i).sessionId();
                final Map<String, String> hash = new HashMap<>();
                for (KeyValue<String, String> field : reads.get(i).join()) {
                    field.ifHasValue(value -> hash.put(field.getKey(), value));
                }
                if (tenant.equals(hash.get(RedisSessionCodec.TENANT))) {
                    infos.add(RedisSessionCodec.decodeInfo(sessionId, hash));
                } else {
                    expired.add(sessionId);
                }
            }
            final SessionPage result = new SessionPage(infos, page.next() == null ? null : page.next().encode());
            if (expired.isEmpty()) {
                return CompletableFuture.completedFuture(result);
            }
            return bestEffort("prune expired sessions of tenant " + tenant, calls.bounded(
                    commands.zrem(RedisKeys.tenantIndex(tenant), expired.toArray(String[]::new))))
                    .thenApply(ignored -> result);
        });
    }

    private static Map<String, String> pairs(Object flatFieldsAndValues) {
        final List<?> flat = (List<?>) flatFieldsAndValues;
        final Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            map.put((String) flat.get(i), (String) flat.get(i + 1));
        }
        return map;
    }

    private static void addEncoded(List<String> args, List<SessionMessage> messages) {
        for (SessionMessage message : messages) {
            args.add(RedisSessionCodec.encodeMessage(message));
        }
    }

    /** Configures a {@link RedisContextStore}. */
    public static final class Builder {
        private final @Nullable String redisUri;
        private final @Nullable StatefulRedisConnection<String, String> connection;
        private ContextStoreLimits limits = ContextStoreLimits.DEFAULT;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder(@Nullable String redisUri, @Nullable StatefulRedisConnection<String, String> connection) {
            this.redisUri = redisUri;
            this.connection = connection;
        }

        public Builder limits(ContextStoreLimits limits) {
            this.limits = requireNonNull(limits, "limits");
            return this;
        }

        /** How long any one Redis call may take before the store reports it unavailable. */
        public Builder commandTimeout(Duration commandTimeout) {
            requireNonNull(commandTimeout, "commandTimeout");
            if (commandTimeout.isNegative() || commandTimeout.isZero()) {
                throw new IllegalArgumentException("commandTimeout: " + commandTimeout + " (expected: > 0)");
            }
            this.commandTimeout = commandTimeout;
            return this;
        }

        /** The clock of {@code createdAt} and {@code updatedAt}; Redis expires keys by its own clock. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the store; from a URI, connects first.
         *
         * @throws ContextStoreUnavailableException when the URI's Redis cannot be reached
         */
        public RedisContextStore build() {
            if (connection != null) {
                return new RedisContextStore(this, connection, null);
            }
            final OwnedRedisConnection opened = OwnedRedisConnection.open(requireNonNull(redisUri, "redisUri"),
                                                                          commandTimeout);
            return new RedisContextStore(this, opened.connection(), opened);
        }
    }
}
