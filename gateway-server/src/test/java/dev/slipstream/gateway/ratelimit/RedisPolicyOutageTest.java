package dev.slipstream.gateway.ratelimit;

import static dev.slipstream.gateway.ratelimit.LimitedGateways.config;
import static dev.slipstream.gateway.ratelimit.LimitedGateways.errorInfo;
import static dev.slipstream.gateway.ratelimit.LimitedGateways.key;
import static dev.slipstream.gateway.ratelimit.LimitedGateways.limits;
import static dev.slipstream.gateway.ratelimit.LimitedGateways.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import dev.slipstream.context.testing.RedisServerProcess;
import dev.slipstream.gateway.config.ContextStoreConfig;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * When the Redis that holds the limits does not answer, a limited key's calls are refused as UNAVAILABLE
 * (not let through unchecked) within the command timeout, an unlimited key's calls go on, and limited calls
 * are served again once Redis is back.
 */
class RedisPolicyOutageTest {
    private static final String LIMITED = "limited-key-0123456789";

    private static RedisServerProcess redis;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        redis = RedisServerProcess.start();
        gateway = RunningGateway.start(
                config(List.of(key("limited", LIMITED, "t", limits(100, 0, 0))), List.of())
                        .withContextStore(new ContextStoreConfig(redis.uri(), null, null, null, null, null, null,
                                                                 null, null)));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        redis.close();
    }

    @Test
    void limitedCallsFailFastWhileRedisIsSilentAndRecover() {
        final ChatServiceBlockingStub limited = gateway.grpcClient(LIMITED).build(ChatServiceBlockingStub.class);
        limited.complete(request(8));

        redis.pause();
        try {
            final long startNanos = System.nanoTime();
            final StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                                                                  () -> limited.complete(request(8)));
            final long elapsedMs = (System.nanoTime() - startNanos) / 1_000_000;

            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(errorInfo(e).getReason()).isEqualTo("CONTEXT_STORE_UNAVAILABLE");
            // The default command timeout is one second.
            assertThat(elapsedMs).isLessThan(3_000);
            assertThat(gateway.chat().complete(request(8)).getMessage().getContent())
                    .as("a key without limits or budget does not need Redis").isNotEmpty();
        } finally {
            redis.resume();
        }

        assertThat(limited.complete(request(8)).getMessage().getContent()).isNotEmpty();
    }
}
