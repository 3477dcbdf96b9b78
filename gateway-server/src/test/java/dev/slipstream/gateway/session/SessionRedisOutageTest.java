package dev.slipstream.gateway.session;

import static dev.slipstream.gateway.session.SessionGateways.MODEL;
import static dev.slipstream.gateway.session.SessionGateways.message;
import static dev.slipstream.gateway.session.SessionGateways.turn;
import static dev.slipstream.gateway.session.SessionServiceTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.CreateSessionRequest;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.context.testing.RedisServerProcess;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.provider.fake.FakeProvider;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Redis down or silent: session calls fail as UNAVAILABLE with reason CONTEXT_STORE_UNAVAILABLE within the
 * configured command timeout, session-less chat goes on working, and the gateway recovers by itself when
 * Redis is back.
 */
class SessionRedisOutageTest {
    private static final long COMMAND_TIMEOUT_MS = 500;
    /** gRPC, the gateway and the test thread on a busy machine; far less than a hang. */
    private static final Duration SLACK = Duration.ofMillis(1_000);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(10);

    private FakeOpenAi fake;
    private RedisServerProcess redis;
    private RunningGateway gateway;

    @BeforeEach
    void start() {
        fake = new FakeOpenAi();
        redis = RedisServerProcess.start();
        gateway = RunningGateway.start(SessionGateways.config(fake, SessionGateways.redis(redis.uri(),
                                                                                         COMMAND_TIMEOUT_MS)));
    }

    @AfterEach
    void stop() {
        gateway.close();
        redis.close();
        fake.stop().join();
    }

    @Test
    void redisDownFailsSessionCallsFastKeepsSessionLessChatAndRecovers() {
        final String id = SessionGateways.createSession(gateway);

        redis.kill();

        assertUnavailableInTime(() -> SessionServiceTest.get(gateway.sessions(), id));
        assertUnavailableInTime(() -> gateway.chat().complete(turn(id, "Anyone there?")));
        assertUnavailableInTime(() -> SessionGateways.createSession(gateway));
        assertThat(fake.received()).as("no model is called for a turn that cannot be stored").isEmpty();
        assertThat(gateway.chat().complete(sessionLess()).getMessage().getContent()).isEqualTo(FakeProvider.REPLY);

        redis.restart();

        // This Redis keeps no data: a new session and a turn in it prove the gateway is back.
        final String fresh = awaitCreated();
        assertThat(gateway.chat().complete(turn(fresh, "Back?")).getMessage().getContent())
                .isEqualTo(FakeProvider.REPLY);
        assertThat(SessionServiceTest.get(gateway.sessions(), fresh).getMessageCount()).isEqualTo(2);
    }

    @Test
    void silentRedisFailsSessionCallsWithinTheTimeoutAndWorksOnceItAnswers() {
        final String id = SessionGateways.createSession(gateway);

        redis.pause();
        try {
            assertUnavailableInTime(() -> gateway.chat().complete(turn(id, "Hello?")));
            assertThat(gateway.chat().complete(sessionLess()).getMessage().getContent())
                    .isEqualTo(FakeProvider.REPLY);
        } finally {
            redis.resume();
        }

        gateway.chat().complete(turn(id, "Hello again"));
        assertThat(SessionServiceTest.get(gateway.sessions(), id).getMessageCount()).isEqualTo(3);
    }

    private static void assertUnavailableInTime(Runnable call) {
        final long started = System.nanoTime();
        assertReason(call, Status.Code.UNAVAILABLE, "CONTEXT_STORE_UNAVAILABLE");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(Duration.ofMillis(COMMAND_TIMEOUT_MS).plus(SLACK));
    }

    private String awaitCreated() {
        final long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
        while (true) {
            try {
                return gateway.sessions().createSession(CreateSessionRequest.getDefaultInstance())
                              .getSession().getId();
            } catch (StatusRuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                SessionRedisDurabilityTest.sleep(50);
            }
        }
    }

    private static CompleteRequest sessionLess() {
        return CompleteRequest.newBuilder().setModel(MODEL).addMessages(message(Role.ROLE_USER, "no session"))
                              .build();
    }
}
