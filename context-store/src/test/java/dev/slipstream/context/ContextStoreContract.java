package dev.slipstream.context;

import static dev.slipstream.context.Await.failure;
import static dev.slipstream.context.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ContextStore} does. A store's test extends this class and only says how to build
 * the store; every test uses fresh tenants, so stores may share a backend.
 */
abstract class ContextStoreContract {
    /** Small limits, so that tests reach them with a few short messages. */
    static final ContextStoreLimits SMALL_LIMITS = ContextStoreLimits.builder()
                                                                     .maxMessages(3)
                                                                     .maxMessageBytes(16)
                                                                     .maxSessionBytes(40)
                                                                     .maxMetadataEntries(2)
                                                                     .defaultTtl(Duration.ofMinutes(1))
                                                                     .maxTtl(Duration.ofHours(1))
                                                                     .maxPageSize(2)
                                                                     .build();
    /** 16 bytes in UTF-8: exactly {@code SMALL_LIMITS.maxMessageBytes()}. */
    private static final String SIXTEEN_BYTES = "sixteen bytes!!!";

    private final String tenant = "tenant-" + UUID.randomUUID();
    private final String otherTenant = "other-" + UUID.randomUUID();
    private final List<ContextStore> stores = new ArrayList<>();

    /** A new store with these limits, whose timestamps come from {@code clock}. */
    abstract ContextStore newStore(ContextStoreLimits limits, Clock clock);

    @AfterEach
    void closeStores() {
        stores.forEach(ContextStore::close);
    }

    @Test
    void createdSessionReadsBackWithEveryField() {
        final ContextStore store = store(ContextStoreLimits.DEFAULT);
        final SessionMessage systemPrompt = message(MessageRole.SYSTEM, "You answer in one sentence.");

        final Session created = result(store.create(tenant, Duration.ofMinutes(5),
                                                    Map.of("app", "chat", "user", "u-1"), List.of(systemPrompt)));

        assertThat(created.tenant()).isEqualTo(tenant);
        assertThat(created.version()).isEqualTo(Session.FIRST_VERSION);
        assertThat(created.ttl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(created.updatedAt()).isEqualTo(created.createdAt());
        assertThat(created.messages()).containsExactly(systemPrompt);
        assertThat(created.summary()).isNull();
        assertThat(created.metadata()).isEqualTo(Map.of("app", "chat", "user", "u-1"));
        assertThat(result(store.get(tenant, created.id()))).isEqualTo(created);
    }

    @Test
    void sessionWithoutTtlGetsTheDefault() {
        final ContextStore store = store(SMALL_LIMITS);

        final Session created = result(store.create(tenant, null, Map.of(), List.of()));

        assertThat(created.ttl()).isEqualTo(SMALL_LIMITS.defaultTtl());
        assertThat(result(store.get(tenant, created.id())).ttl()).isEqualTo(SMALL_LIMITS.defaultTtl());
    }

    @Test
    void deletedSessionIsGone() {
        final ContextStore store = store(ContextStoreLimits.DEFAULT);
        final Session session = newSession(store);

        result(store.delete(tenant, session.id()));

        failure(store.get(tenant, session.id()), SessionNotFoundException.class);
        failure(store.append(tenant, session.id(), 1, List.of(message("late"))), SessionNotFoundException.class);
        failure(store.delete(tenant, session.id()), SessionNotFoundException.class);
        assertThat(result(store.list(tenant, 10, null)).sessions()).isEmpty();
    }

    @Test
    void unknownOrMalformedIdIsNotFound() {
        final ContextStore store = store(ContextStoreLimits.DEFAULT);
        final String unknown = UUID.randomUUID().toString();

        final SessionNotFoundException notFound = failure(store.get(tenant, unknown), SessionNotFoundException.class);

        assertThat(notFound.sessionId()).isEqualTo(unknown);
        assertThat(notFound).hasMessage("session " + unknown +
                                        " not found (expected: an unexpired session of the caller's tenant)");
        failure(store.get(tenant, "not-a-session-id"), SessionNotFoundException.class);
        failure(store.touch(tenant, "{sess:x}:meta"), SessionNotFoundException.class);
    }

    @Test
    void sessionOfAnotherTenantIsNotFoundForEveryOperation() {
        final ContextStore store = store(ContextStoreLimits.DEFAULT);
        final Session session = newSession(store);
        final String id = session.id();

        failure(store.get(otherTenant, id), SessionNotFoundException.class);
        failure(store.append(otherTenant, id, 1, List.of(message("intrusion"))), SessionNotFoundException.class);
        failure(store.setSummary(otherTenant, id, 1, new RunningSummary("intrusion", null)),
                SessionNotFoundException.class);
        failure(store.touch(otherTenant, id), SessionNotFoundException.class);
        failure(store.delete(otherTenant, id), SessionNotFoundException.class);
        assertThat(result(store.list(otherTenant, 10, null)).sessions()).isEmpty();
        assertThat(result(store.get(tenant, id))).isEqualTo(session);
    }

    @Test
    void listPagesNewestFirstWithoutDuplicatesOrGaps() {
        final ContextStore store = store(ContextStoreLimits.DEFAULT);
        final List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            newestFirst.add(0, newSession(store).id());
        }
        result(store.create(otherTenant, null, Map.of(), List.of()));

        final List<String> listed = new ArrayList<>();
        final List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            final SessionPage page = result(store.list(tenant, 3, token));
            page.sessions().forEach(info -> listed.add(info.id()));
            pageSizes.add(page.sessions().size());
            token = page.nextPageToken();
        } while (token != null);

        assertThat(listed).isEqualTo(newestFirst);
        assertThat(pageSizes).containsExactly(3, 3, 1);
    }

    @Test
    void listShowsRecentlyWrittenSessionsFirst() {
        final ContextStore store = store(ContextStoreLimits.DEFAULT);
        final Session a = newSession(store);
        final Session b = newSession(store);
        final Session c = newSession(store);

        result(store.append(tenant, a.id(), 1, List.of(message("a moves up"))));
        assertThat(listedIds(store)).containsExactly(a.id(), c.id(), b.id());

        result(store.setSummary(tenant, b.id(), 1, new RunningSummary("b moves up", null)));
        result(store.touch(tenant, c.id()));
        assertThat(listedIds(store)).containsExactly(b.id(), a.id(), c.id());

        final SessionInfo first = result(store.list(tenant, 1, null)).sessions().get(0);
        final Session bNow = result(store.get(tenant, b.id()));
        assertThat(first).isEqualTo(new SessionInfo(b.id(), b.createdAt(), bNow.updatedAt(), b.ttl(), 2, 0,
                                                    b.metadata()));
    }

    @Test
    void listCapsPageSizeAtTheMaximum() {
        final ContextStore store = store(SMALL_LIMITS);
        for (int i = 0; i < 3; i++) {
            newSession(store);
        }

        final SessionPage asked100 = result(store.list(tenant, 100, null));
        final SessionPage askedDefault = result(store.list(tenant, 0, null));

        assertThat(asked100.sessions()).hasSize(SMALL_LIMITS.maxPageSize());
        assertThat(asked100.nextPageToken()).isNotNull();
        assertThat(askedDefault.sessions()).hasSize(SMALL_LIMITS.maxPageSize());
        assertThatThrownBy(() -> store.list(tenant, -1, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pageSize: -1 (expected: >= 0)");
    }

    @Test
    void listRefusesTokensItDidNotIssue() {
        final ContextStore store = store(ContextStoreLimits.DEFAULT);
        final String notBase64 = "%%%";
        final String wrongShape =
                Base64.getUrlEncoder().encodeToString("12.not-a-uuid".getBytes(StandardCharsets.UTF_8));

        assertThat(failure(store.list(tenant, 10, notBase64), InvalidPageTokenException.class))
                .hasMessage("pageToken: not a token this store issued " +
                            "(expected: the nextPageToken of a previous page)");
        failure(store.list(tenant, 10, wrongShape), InvalidPageTokenException.class);
    }

    @Test
    void appendAddsMessagesInOrderAndIncrementsTheVersion() {
        final ContextStore store = store(ContextStoreLimits.DEFAULT);
        final SessionMessage system = message(MessageRole.SYSTEM, "Be brief.");
        final Session created = result(store.create(tenant, null, Map.of(), List.of(system)));
        final SessionMessage question = message(MessageRole.USER, "What is TWAP?");
        final SessionMessage answer = message(MessageRole.ASSISTANT, "Time-weighted average price.");
        final SessionMessage followUp = message(MessageRole.USER, "And VWAP?");

        assertThat(result(store.append(tenant, created.id(), 1, List.of(question, answer)))).isEqualTo(2);
        assertThat(result(store.append(tenant, created.id(), 2, List.of(followUp)))).isEqualTo(3);

        final Session read = result(store.get(tenant, created.id()));
        assertThat(read.messages()).containsExactly(system, question, answer, followUp);
        assertThat(read.version()).isEqualTo(3);
        assertThat(read.createdAt()).isEqualTo(created.createdAt());
        assertThat(read.updatedAt()).isAfter(created.updatedAt());
    }

    @Test
    void staleVersionFailsWithAConflictAndWritesNothing() {
        final ContextStore store = store(ContextStoreLimits.DEFAULT);
        final Session session = newSession(store);
        result(store.append(tenant, session.id(), 1, List.of(message("first"))));
        final Session before = result(store.get(tenant, session.id()));

        final VersionConflictException conflict =
                failure(store.append(tenant, session.id(), 1, List.of(message("stale"))),
                        VersionConflictException.class);

        assertThat(conflict.expectedVersion()).isEqualTo(1);
        assertThat(conflict.actualVersion()).isEqualTo(2);
        assertThat(conflict).hasMessage("session " + session.id() + ": expectedVersion 1 is stale " +
                                        "(expected: 2, the current version; re-read the session and retry)");
        assertThat(result(store.get(tenant, session.id()))).isEqualTo(before);
    }

    @Test
    void concurrentAppendsWithTheSameVersionHaveExactlyOneWinner() throws Exception {
        final ContextStore store = store(ContextStoreLimits.DEFAULT);
        final ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                final Session session = newSession(store);
                final CyclicBarrier bothReady = new CyclicBarrier(2);
                final List<SessionMessage> sent = List.of(message("from A " + round), message("from B " + round));
                final List<Future<CompletionStage<Long>>> appends = new ArrayList<>();
                for (SessionMessage message : sent) {
                    appends.add(threads.submit(() -> {
                        bothReady.await();
                        return store.append(tenant, session.id(), 1, List.of(message));
                    }));
                }

                final List<SessionMessage> winners = new ArrayList<>();
                int conflicts = 0;
                for (int i = 0; i < 2; i++) {
                    final CompletionStage<Long> append = appends.get(i).get();
                    if (append.toCompletableFuture().handle((version, failure) -> failure == null).join()) {
                        assertThat(result(append)).isEqualTo(2);
                        winners.add(sent.get(i));
                    } else {
                        final VersionConflictException conflict = failure(append, VersionConflictException.class);
                        assertThat(conflict.actualVersion()).isEqualTo(2);
                        conflicts++;
                    }
                }

                assertThat(winners).as("round %d", round).hasSize(1);
                assertThat(conflicts).as("round %d", round).isEqualTo(1);
                final Session read = result(store.get(tenant, session.id()));
                assertThat(read.messages()).isEqualTo(winners);
                assertThat(read.version()).isEqualTo(2);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void appendBeyondMaxMessagesWritesNothing() {
        final ContextStore store = store(SMALL_LIMITS);
        final Session session = result(store.create(tenant, null, Map.of(), List.of(message("one"))));
        result(store.append(tenant, session.id(), 1, List.of(message("two"), message("three"))));
        final Session full = result(store.get(tenant, session.id()));

        final ContextLimitExceededException exceeded =
                failure(store.append(tenant, session.id(), 2, List.of(message("four"))),
                        ContextLimitExceededException.class);

        assertLimit(exceeded, ContextLimit.MESSAGES, 4, 3, "session messages: 4 (expected: <= 3)");
        assertThat(result(store.get(tenant, session.id()))).isEqualTo(full);
    }

    @Test
    void messageOverMaxBytesWritesNothing() {
        final ContextStore store = store(SMALL_LIMITS);
        final Session session = newSession(store);
        // 9 characters, but 18 bytes in UTF-8: the limit counts bytes.
        final String eighteenBytes = "ééééééééé";

        final ContextLimitExceededException exceeded =
                failure(store.append(tenant, session.id(), 1, List.of(message("fine"), message(eighteenBytes))),
                        ContextLimitExceededException.class);

        assertLimit(exceeded, ContextLimit.MESSAGE_BYTES, 18, 16, "message content bytes: 18 (expected: <= 16)");
        assertThat(result(store.get(tenant, session.id()))).isEqualTo(session);
        assertThat(result(store.append(tenant, session.id(), 1, List.of(message(SIXTEEN_BYTES))))).isEqualTo(2);
    }

    @Test
    void appendBeyondMaxSessionBytesWritesNothing() {
        final ContextStore store = store(SMALL_LIMITS);
        // Metadata counts too: "k" + "v" is 2 bytes.
        final Session session = result(store.create(tenant, null, Map.of("k", "v"), List.of()));
        result(store.append(tenant, session.id(), 1, List.of(message(SIXTEEN_BYTES), message(SIXTEEN_BYTES))));
        final Session at34Bytes = result(store.get(tenant, session.id()));

        final ContextLimitExceededException exceeded =
                failure(store.append(tenant, session.id(), 2, List.of(message("seven b"))),
                        ContextLimitExceededException.class);

        assertLimit(exceeded, ContextLimit.SESSION_BYTES, 41, 40, "session bytes: 41 (expected: <= 40)");
        assertThat(result(store.get(tenant, session.id()))).isEqualTo(at34Bytes);
        assertThat(result(store.append(tenant, session.id(), 2, List.of(message("six b!"))))).isEqualTo(3);
    }

    @Test
    void summaryCountsTowardsSessionBytesAndReplacesThePreviousOne() {
        final ContextStore store = store(SMALL_LIMITS);
        final Session session = result(store.create(tenant, null, Map.of("k", "v"),
                                                    List.of(message(SIXTEEN_BYTES), message(SIXTEEN_BYTES))));

        final ContextLimitExceededException exceeded =
                failure(store.setSummary(tenant, session.id(), 1, new RunningSummary("seven b", 1)),
                        ContextLimitExceededException.class);
        assertLimit(exceeded, ContextLimit.SESSION_BYTES, 41, 40, "session bytes: 41 (expected: <= 40)");
        assertThat(result(store.get(tenant, session.id()))).isEqualTo(session);

        // 34 + 6 = 40 bytes; a second 6-byte summary replaces the first instead of adding to it.
        assertThat(result(store.setSummary(tenant, session.id(), 1, new RunningSummary("six b!", 1)))).isEqualTo(2);
        assertThat(result(store.setSummary(tenant, session.id(), 2, new RunningSummary("six b?", 1)))).isEqualTo(3);
        assertThat(result(store.get(tenant, session.id())).summary()).isEqualTo(new RunningSummary("six b?", 1));
    }

    @Test
    void tooManyMetadataEntriesCreateNothing() {
        final ContextStore store = store(SMALL_LIMITS);

        final ContextLimitExceededException exceeded =
                failure(store.create(tenant, null, Map.of("a", "1", "b", "2", "c", "3"), List.of()),
                        ContextLimitExceededException.class);

        assertLimit(exceeded, ContextLimit.METADATA_ENTRIES, 3, 2, "metadata entries: 3 (expected: <= 2)");
        assertThat(result(store.list(tenant, 10, null)).sessions()).isEmpty();
    }

    @Test
    void ttlAboveTheMaximumCreatesNothing() {
        final ContextStore store = store(SMALL_LIMITS);

        final ContextLimitExceededException exceeded =
                failure(store.create(tenant, Duration.ofHours(2), Map.of(), List.of()),
                        ContextLimitExceededException.class);

        assertLimit(exceeded, ContextLimit.TTL_MILLIS, 7_200_000, 3_600_000,
                    "ttl millis: 7200000 (expected: <= 3600000)");
        assertThat(result(store.list(tenant, 10, null)).sessions()).isEmpty();
        assertThatThrownBy(() -> store.create(tenant, Duration.ZERO, Map.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ttl: PT0S (expected: >= 1ms)");
    }

    @Test
    void initialMessagesAreHeldToTheLimits() {
        final ContextStore store = store(SMALL_LIMITS);
        final List<SessionMessage> four = List.of(message("1"), message("2"), message("3"), message("4"));

        assertLimit(failure(store.create(tenant, null, Map.of(), four), ContextLimitExceededException.class),
                    ContextLimit.MESSAGES, 4, 3, "session messages: 4 (expected: <= 3)");
        assertLimit(failure(store.create(tenant, null, Map.of(), List.of(message(SIXTEEN_BYTES + "!"))),
                            ContextLimitExceededException.class),
                    ContextLimit.MESSAGE_BYTES, 17, 16, "message content bytes: 17 (expected: <= 16)");
        assertThat(result(store.list(tenant, 10, null)).sessions()).isEmpty();
    }

    @Test
    void sessionExpiresAfterItsTtlUnlessWrittenOrTouched() throws InterruptedException {
        final ContextStore store = store(ContextStoreLimits.DEFAULT);
        final Duration ttl = Duration.ofSeconds(1);
        final Session touched = result(store.create(tenant, ttl, Map.of(), List.of()));
        final Session appended = result(store.create(tenant, ttl, Map.of(), List.of()));
        final Session idle = result(store.create(tenant, ttl, Map.of(), List.of()));

        Thread.sleep(600);
        result(store.touch(tenant, touched.id()));
        result(store.append(tenant, appended.id(), 1, List.of(message("still here"))));

        // The idle session, created last, expires first: the other two got a new TTL at 0.6 s.
        awaitGone(store, idle.id());
        result(store.get(tenant, touched.id()));
        result(store.get(tenant, appended.id()));
        assertThat(listedIds(store)).containsExactlyInAnyOrder(touched.id(), appended.id());

        awaitGone(store, touched.id());
        awaitGone(store, appended.id());
        failure(store.touch(tenant, touched.id()), SessionNotFoundException.class);
        assertThat(listedIds(store)).isEmpty();
    }

    @Test
    void summaryIsReplacedOnlyAtTheCurrentVersion() {
        final ContextStore store = store(ContextStoreLimits.DEFAULT);
        final Session session = result(store.create(tenant, null, Map.of(), List.of(message("hello"))));

        assertThat(result(store.setSummary(tenant, session.id(), 1, new RunningSummary("greeting", 0))))
                .isEqualTo(2);
        assertThat(result(store.get(tenant, session.id())).summary()).isEqualTo(new RunningSummary("greeting", 0));

        assertThat(result(store.setSummary(tenant, session.id(), 2, new RunningSummary("a greeting", null))))
                .isEqualTo(3);
        final VersionConflictException conflict =
                failure(store.setSummary(tenant, session.id(), 2, new RunningSummary("stale", 0)),
                        VersionConflictException.class);

        assertThat(conflict.actualVersion()).isEqualTo(3);
        final Session read = result(store.get(tenant, session.id()));
        assertThat(read.summary()).isEqualTo(new RunningSummary("a greeting", null));
        assertThat(read.version()).isEqualTo(3);
        assertThat(read.messages()).containsExactly(session.messages().get(0));
    }

    final ContextStore store(ContextStoreLimits limits) {
        final ContextStore store = newStore(limits, new SteppingClock());
        stores.add(store);
        return store;
    }

    final String tenant() {
        return tenant;
    }

    final Session newSession(ContextStore store) {
        return result(store.create(tenant, null, Map.of(), List.of()));
    }

    static SessionMessage message(String content) {
        return message(MessageRole.USER, content);
    }

    private static SessionMessage message(MessageRole role, String content) {
        return new SessionMessage(role, content, content.length() / 4 + 1, Instant.now());
    }

    private List<String> listedIds(ContextStore store) {
        return result(store.list(tenant, 0, null)).sessions().stream().map(SessionInfo::id).toList();
    }

    /** Polls until the session is gone; expiry is due within a second, so allow a few. */
    private void awaitGone(ContextStore store, String sessionId) throws InterruptedException {
        final long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            final boolean present =
                    store.get(tenant, sessionId).toCompletableFuture().handle((session, e) -> e == null).join();
            if (!present) {
                failure(store.get(tenant, sessionId), SessionNotFoundException.class);
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("session " + sessionId + " still there 5 s later");
    }

    private static void assertLimit(ContextLimitExceededException exceeded, ContextLimit limit, long value, long max,
                                    String message) {
        assertThat(exceeded.limit()).isEqualTo(limit);
        assertThat(exceeded.value()).isEqualTo(value);
        assertThat(exceeded.max()).isEqualTo(max);
        assertThat(exceeded).hasMessage(message);
    }
}
