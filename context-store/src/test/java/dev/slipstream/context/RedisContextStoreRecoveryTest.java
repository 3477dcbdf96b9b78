package dev.slipstream.context;

import static dev.slipstream.context.Await.failure;
import static dev.slipstream.context.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import dev.slipstream.context.testing.RedisServerProcess;

/** A Redis that goes away fails calls within the command timeout, and the store recovers when it is back. */
class RedisContextStoreRecoveryTest {
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
    private static final String TENANT = "tenant-recovery";

    @Test
    void failsFastWhileRedisIsDownAndWorksAgainOnceItIsBack() throws InterruptedException {
        try (RedisServerProcess redis = RedisServerProcess.start();
             ContextStore store = RedisContextStore.builder(redis.uri()).commandTimeout(COMMAND_TIMEOUT).build()) {
            final Session session = result(store.create(TENANT, null, Map.of(), List.of()));

            redis.kill();

            assertUnavailableWithinTimeout(store.get(TENANT, session.id()));
            assertUnavailableWithinTimeout(store.append(TENANT, session.id(), 1,
                                                        List.of(ContextStoreContract.message("lost"))));
            assertUnavailableWithinTimeout(store.create(TENANT, null, Map.of(), List.of()));

            redis.restart();

            // Lettuce reconnects by itself; this Redis keeps no data, so a new session proves it.
            final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Session created = null;
            while (created == null && System.nanoTime() < deadline) {
                created = store.create(TENANT, null, Map.of(), List.of()).toCompletableFuture()
                               .handle((s, failure) -> failure == null ? s : null).join();
                if (created == null) {
                    Thread.sleep(50);
                }
            }
            assertThat(created).as("a session created after Redis came back").isNotNull();
            assertThat(result(store.get(TENANT, created.id()))).isEqualTo(created);
        }
    }

    @Test
    void silentRedisFailsCallsWithinTheCommandTimeout() {
        try (RedisServerProcess redis = RedisServerProcess.start();
             ContextStore store = RedisContextStore.builder(redis.uri()).commandTimeout(COMMAND_TIMEOUT).build()) {
            final Session session = result(store.create(TENANT, null, Map.of(), List.of()));

            redis.pause();
            try {
                assertUnavailableWithinTimeout(store.get(TENANT, session.id()));
            } finally {
                redis.resume();
            }

            // The late reply to the abandoned call is discarded, not taken for the next call's.
            assertThat(result(store.get(TENANT, session.id()))).isEqualTo(session);
            assertThat(result(store.append(TENANT, session.id(), 1, List.of(ContextStoreContract.message("back")))))
                    .isEqualTo(2);
        }
    }

    @Test
    void buildingFromAnUnreachableUriFailsAsUnavailable() {
        final String uri;
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            uri = redis.uri();
        }

        assertThatThrownBy(() -> RedisContextStore.builder(uri).commandTimeout(COMMAND_TIMEOUT).build())
                .isInstanceOf(ContextStoreUnavailableException.class)
                .hasMessageStartingWith("context store unavailable: cannot connect to Redis at 127.0.0.1:");
    }

    private static void assertUnavailableWithinTimeout(CompletionStage<?> call) {
        final long started = System.nanoTime();
        final ContextStoreUnavailableException unavailable = failure(call, ContextStoreUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(COMMAND_TIMEOUT.plusMillis(500));
        assertThat(unavailable).hasMessageStartingWith("context store unavailable: ");
    }
}
