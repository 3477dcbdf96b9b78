package dev.slipstream.gateway.session;

import static dev.slipstream.gateway.session.SessionGateways.OTHER_TENANT_API_KEY;
import static dev.slipstream.gateway.session.SessionGateways.SYSTEM_PROMPT;
import static dev.slipstream.gateway.session.SessionGateways.turn;
import static dev.slipstream.gateway.session.SessionServiceTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import dev.slipstream.context.testing.RedisServerProcess;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.provider.fake.FakeProvider;
import dev.slipstream.gateway.provider.fake.ReceivedChat.Turn;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.Status;

/**
 * Two gateway replicas share one Redis (two Gateway instances in this JVM, each with its own Redis
 * connection, and a real redis-server child process): a conversation started on one continues on the
 * other with its full context.
 */
class SessionRedisReplicasTest {
    @Test
    void aConversationStartedOnReplicaAContinuesOnReplicaB() {
        final FakeOpenAi fake = new FakeOpenAi();
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            final GatewayConfig config = SessionGateways.config(fake, SessionGateways.redis(redis.uri(), 1_000));
            try (RunningGateway replicaA = RunningGateway.start(config);
                 RunningGateway replicaB = RunningGateway.start(config)) {
                final String id = SessionGateways.createSession(replicaA);
                replicaA.chat().complete(turn(id, "What is TWAP?"));

                replicaB.chat().complete(turn(id, "And VWAP?"));

                assertThat(fake.received()).hasSize(2);
                assertThat(fake.received().get(1).turns()).containsExactly(
                        new Turn("system", SYSTEM_PROMPT), new Turn("user", "What is TWAP?"),
                        new Turn("assistant", FakeProvider.REPLY), new Turn("user", "And VWAP?"));
                assertThat(SessionServiceTest.get(replicaA.sessions(), id).getMessageCount()).isEqualTo(5);
                assertReason(() -> replicaB.grpcClient(OTHER_TENANT_API_KEY).build(ChatServiceBlockingStub.class)
                                           .complete(turn(id, "Mine now?")),
                             Status.Code.NOT_FOUND, "SESSION_NOT_FOUND");
            }
        } finally {
            fake.stop().join();
        }
    }
}
