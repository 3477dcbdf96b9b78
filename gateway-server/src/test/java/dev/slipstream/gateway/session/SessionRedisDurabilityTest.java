package dev.slipstream.gateway.session;

import static dev.slipstream.gateway.session.SessionGateways.SYSTEM_PROMPT;
import static dev.slipstream.gateway.session.SessionGateways.turn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.api.gateway.v1.Session;
import dev.slipstream.context.testing.RedisServerProcess;
import dev.slipstream.gateway.config.SessionsConfig;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.provider.fake.FakeProvider;
import dev.slipstream.gateway.provider.fake.ReceivedChat.Turn;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.StatusRuntimeException;

/**
 * With Redis running {@code appendonly yes}, {@code appendfsync always}: every turn the gateway
 * acknowledged, and a stored summary, survive a SIGKILL of Redis and its restart on the same data.
 */
class SessionRedisDurabilityTest {
    private static final int TURNS = 200;
    private static final Duration RECONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static FakeOpenAi fake;

    @BeforeAll
    static void startFake() {
        fake = new FakeOpenAi();
    }

    @AfterAll
    static void stopFake() {
        fake.stop().join();
    }

    @Test
    void twoHundredAcknowledgedTurnsSurviveSigkillInOrder(@TempDir Path dataDir) {
        try (RedisServerProcess redis = RedisServerProcess.startDurable(dataDir);
             RunningGateway gateway = RunningGateway.start(
                     SessionGateways.config(fake, SessionGateways.redis(redis.uri(), 1_000)))) {
            final String id = SessionGateways.createSession(gateway);
            for (int i = 0; i < TURNS; i++) {
                gateway.chat().complete(turn(id, "turn " + i));
            }

            redis.kill();
            redis.restart();

            final Session session = awaitSession(gateway, id);
            final List<String> expected = new ArrayList<>(List.of(SYSTEM_PROMPT));
            for (int i = 0; i < TURNS; i++) {
                expected.add("turn " + i);
                expected.add(FakeProvider.REPLY);
            }
            assertThat(session.getMessagesList()).extracting(Message::getContent).isEqualTo(expected);
            assertThat(session.getMessagesList()).extracting(Message::getRole).containsOnly(
                    Role.ROLE_SYSTEM, Role.ROLE_USER, Role.ROLE_ASSISTANT);
            assertThat(session.getVersion()).isEqualTo(1 + TURNS);
        }
    }

    @Test
    void aStoredSummarySurvivesSigkillAndIsSentUpstreamAfterwards(@TempDir Path dataDir) {
        fake.reset();
        final SessionsConfig summarize = SessionWindowingTest.windowing(SessionsConfig.SUMMARIZE,
                                                                        SessionGateways.SUMMARIZER);
        try (RedisServerProcess redis = RedisServerProcess.startDurable(dataDir);
             RunningGateway gateway = RunningGateway.start(SessionGateways.config(
                     fake, SessionWindowingTest.CONTEXT_WINDOW, SessionGateways.redis(redis.uri(), 1_000),
                     summarize))) {
            final String id = SessionWindowingTest.longSession(gateway);
            gateway.chat().complete(turn(id, "And now?"));
            assertThat(SessionServiceTest.get(gateway.sessions(), id).getSummary()).isEqualTo(FakeProvider.REPLY);

            redis.kill();
            redis.restart();

            assertThat(awaitSession(gateway, id).getSummary()).isEqualTo(FakeProvider.REPLY);
            fake.reset();
            gateway.chat().complete(turn(id, "Still there?"));
            final var chat = fake.received().get(fake.received().size() - 1);
            assertThat(chat.turns().get(1)).isEqualTo(
                    new Turn("system", ConversationWindow.SUMMARY_PREFIX + FakeProvider.REPLY));
            SessionWindowingTest.assertFitsWithSystemPromptFirstAndNewestTurnsLast(chat, "Still there?");
        }
    }

    /** The session, read as soon as the gateway has reconnected to the restarted Redis. */
    static Session awaitSession(RunningGateway gateway, String id) {
        final long deadline = System.nanoTime() + RECONNECT_TIMEOUT.toNanos();
        while (true) {
            try {
                return SessionServiceTest.get(gateway.sessions(), id);
            } catch (StatusRuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(50);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
