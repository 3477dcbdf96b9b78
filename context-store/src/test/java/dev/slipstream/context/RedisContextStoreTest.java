package dev.slipstream.context;

import static dev.slipstream.context.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.slipstream.context.testing.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;

/** The contract on a real redis-server, plus what only Redis has: its data layout and script cache. */
class RedisContextStoreTest extends ContextStoreContract {
    private static RedisServerProcess redis;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start();
        client = RedisClient.create(redis.uri());
        client.setOptions(RedisContextStore.clientOptions(Duration.ofSeconds(2)));
        connection = client.connect();
    }

    @AfterAll
    static void stopRedis() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        redis.close();
    }

    @Override
    ContextStore newStore(ContextStoreLimits limits, Clock clock) {
        return RedisContextStore.builder(connection).limits(limits).clock(clock).build();
    }

    @Test
    void sessionIsOneHashAndOneListInOneClusterSlot() {
        final ContextStore store = store(ContextStoreLimits.DEFAULT);
        final SessionMessage hello = message("Hello");
        final Session session = result(store.create(tenant(), Duration.ofMinutes(10), Map.of("app", "chat"),
                                                    List.of(hello)));
        final String meta = "{sess:" + session.id() + "}:meta";
        final String messages = "{sess:" + session.id() + "}:msgs";
        final String index = "{tenant:" + tenant() + "}:sessions";
        final RedisCommands<String, String> redisCommands = connection.sync();

        assertThat(SlotHash.getSlot(meta)).isEqualTo(SlotHash.getSlot(messages));
        assertThat(redisCommands.type(meta)).isEqualTo("hash");
        assertThat(redisCommands.hgetall(meta)).containsAllEntriesOf(Map.of(
                "tenant", tenant(),
                "version", "1",
                "ttl", "600000",
                "count", "1",
                "metadata", "{\"app\":\"chat\"}",
                "created", Long.toString(Timestamps.toMicros(session.createdAt()))));
        assertThat(redisCommands.lrange(messages, 0, -1)).containsExactly(
                "{\"r\":\"user\",\"c\":\"Hello\",\"n\":2,\"t\":" + Timestamps.toMicros(hello.timestamp()) + '}');
        assertThat(redisCommands.pttl(meta)).isBetween(1L, 600_000L);
        assertThat(redisCommands.pttl(messages)).isBetween(1L, 600_000L);
        assertThat(redisCommands.zscore(index, session.id()))
                .isEqualTo((double) Timestamps.toMicros(session.updatedAt()));
        assertThat(redisCommands.pttl(index)).isPositive();
    }

    @Test
    void scriptIsSentAgainWhenRedisForgotIt() {
        final ContextStore store = store(ContextStoreLimits.DEFAULT);
        final Session session = newSession(store);

        connection.sync().scriptFlush();

        assertThat(result(store.append(tenant(), session.id(), 1, List.of(message("after flush"))))).isEqualTo(2);
    }

    @Test
    void listingPrunesSessionsThatExpired() {
        final ContextStore store = store(ContextStoreLimits.DEFAULT);
        final Session kept = newSession(store);
        final Session expired = newSession(store);
        final String index = "{tenant:" + tenant() + "}:sessions";
        // What expiry does to a session: both keys vanish, the index entry stays.
        connection.sync().del("{sess:" + expired.id() + "}:meta", "{sess:" + expired.id() + "}:msgs");

        assertThat(result(store.list(tenant(), 0, null)).sessions()).extracting(SessionInfo::id)
                                                                     .containsExactly(kept.id());
        assertThat(connection.sync().zrange(index, 0, -1)).containsExactly(kept.id());
    }
}
