package dev.slipstream.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.slipstream.api.gateway.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.CreateKeyRequest;
import dev.slipstream.api.gateway.v1.CreateKeyResponse;
import dev.slipstream.api.gateway.v1.DisableKeyRequest;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.context.testing.RedisServerProcess;
import dev.slipstream.gateway.config.ContextStoreConfig;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lettuce.core.RedisClient;

/** With Redis, a key created or disabled on one replica takes effect on the other; Redis never holds a secret. */
class RedisKeysReplicasTest {
    /** Twice the gateway's sync interval, and then some. */
    private static final Duration SYNCED = Duration.ofSeconds(5);

    private static RedisServerProcess redis;
    private static RunningGateway replicaA;
    private static RunningGateway replicaB;

    @BeforeAll
    static void start() {
        redis = RedisServerProcess.start();
        final GatewayConfig config = EmbeddedConfig.create(Map.of()).withContextStore(
                new ContextStoreConfig(redis.uri(), null, null, null, null, null, null, null, null));
        replicaA = RunningGateway.start(config);
        replicaB = RunningGateway.start(config);
    }

    @AfterAll
    static void stop() {
        replicaA.close();
        replicaB.close();
        redis.close();
    }

    @Test
    void aKeyCreatedOnOneReplicaWorksOnTheOtherUntilDisabledThere() throws Exception {
        final CreateKeyResponse created = replicaA.grpcClient().build(AdminServiceBlockingStub.class).createKey(
                CreateKeyRequest.newBuilder().setKeyId("shared").setTenant("t").build());
        final ChatServiceBlockingStub onB = replicaB.grpcClient(created.getSecret())
                                                    .build(ChatServiceBlockingStub.class);

        assertThat(awaitStatus(onB, Status.Code.OK)).isEqualTo(Status.Code.OK);

        final RedisClient client = RedisClient.create(redis.uri());
        try (var connection = client.connect()) {
            final String stored = String.join("\n", connection.sync().hvals("slipstream:api_keys"));
            assertThat(stored).contains("\"key_sha256\"").doesNotContain(created.getSecret());
        } finally {
            client.shutdown();
        }

        replicaA.grpcClient().build(AdminServiceBlockingStub.class)
                .disableKey(DisableKeyRequest.newBuilder().setKeyId("shared").build());

        assertThat(awaitStatus(onB, Status.Code.UNAUTHENTICATED)).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    private static Status.Code status(ChatServiceBlockingStub chat) {
        final StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> chat.complete(
                CompleteRequest.newBuilder().setModel("local").addMessages(
                        Message.newBuilder().setRole(Role.ROLE_USER).setContent("hi")).build()));
        return e == null ? Status.Code.OK : e.getStatus().getCode();
    }

    /** Calls until the call ends with {@code expected} or {@link #SYNCED} has passed; the last status. */
    private static Status.Code awaitStatus(ChatServiceBlockingStub chat, Status.Code expected)
            throws InterruptedException {
        final long deadline = System.nanoTime() + SYNCED.toNanos();
        Status.Code last = status(chat);
        while (last != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = status(chat);
        }
        return last;
    }
}
