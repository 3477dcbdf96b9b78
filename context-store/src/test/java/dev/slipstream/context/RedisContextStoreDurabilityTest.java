package dev.slipstream.context;

import static dev.slipstream.context.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.slipstream.context.testing.RedisServerProcess;

/** With an append-only file synced on every write, an acknowledged append survives a Redis crash. */
class RedisContextStoreDurabilityTest {
    private static final String TENANT = "tenant-durability";
    private static final int MESSAGES = 200;

    @Test
    void acknowledgedAppendsSurviveSigkill(@TempDir Path dataDir) {
        try (RedisServerProcess redis = RedisServerProcess.startDurable(dataDir)) {
            final String sessionId;
            try (ContextStore store = RedisContextStore.builder(redis.uri()).build()) {
                sessionId = result(store.create(TENANT, null, Map.of(), List.of())).id();
                for (int i = 0; i < MESSAGES; i++) {
                    assertThat(result(store.append(TENANT, sessionId, i + 1L,
                                                   List.of(ContextStoreContract.message("message " + i)))))
                            .isEqualTo(i + 2L);
                }
            }

            redis.kill();
            redis.restart();

            try (ContextStore store = RedisContextStore.builder(redis.uri()).build()) {
                final Session session = result(store.get(TENANT, sessionId));
                assertThat(session.messages()).extracting(SessionMessage::content)
                                              .isEqualTo(IntStream.range(0, MESSAGES)
                                                                  .mapToObj(i -> "message " + i).toList());
                assertThat(session.version()).isEqualTo(MESSAGES + 1L);
            }
        }
    }
}
