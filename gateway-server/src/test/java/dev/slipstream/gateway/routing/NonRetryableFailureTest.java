package dev.slipstream.gateway.routing;

import static dev.slipstream.gateway.routing.RoutingFixture.PROVIDER_KEY;
import static dev.slipstream.gateway.routing.RoutingFixture.request;
import static dev.slipstream.gateway.routing.RoutingFixture.retries;
import static dev.slipstream.gateway.routing.RoutingFixture.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;

import dev.slipstream.gateway.config.BreakerConfig;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Acceptance 3: a provider's 400 or 401 says the request or the gateway's credentials are wrong, which no
 * other attempt would fix: no retry, no fallback, and the provider key never reaches the caller.
 */
class NonRetryableFailureTest {
    private static RoutingFixture routing;

    @BeforeAll
    static void start() {
        routing = RoutingFixture.fallback(target("primary", "model-a", 0, retries(3), BreakerConfig.DEFAULT));
    }

    @AfterAll
    static void stop() {
        routing.close();
    }

    @AfterEach
    void reset() {
        routing.primary.reset();
        routing.secondary.reset();
    }

    @Test
    void badRequestIsInvalidArgumentWithoutRetryOrFallback() throws Exception {
        routing.primary.failWith(400);

        final StatusRuntimeException e = fail();

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(errorInfo(e).getReason()).isEqualTo("PROVIDER_REJECTED_REQUEST");
        assertThat(errorInfo(e).getMetadataMap()).containsEntry("upstream_status", "400")
                                                 .containsEntry("route_attempts",
                                                                "primary/model-a: PROVIDER_REJECTED_REQUEST " +
                                                                "(HTTP 400)");
        assertCalledOnceWithoutFallback();
    }

    @Test
    void rejectedCredentialsAreAnUpstreamAuthErrorThatHidesTheKey() throws Exception {
        routing.primary.failWith(401);

        final StatusRuntimeException e = fail();

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(errorInfo(e).getReason()).isEqualTo("PROVIDER_AUTH_FAILED");
        assertThat(e.getStatus().getDescription()).contains("rejected the gateway's credentials")
                                                  .doesNotContain(PROVIDER_KEY);
        assertThat(StatusProto.fromThrowable(e).toString()).doesNotContain(PROVIDER_KEY);
        assertCalledOnceWithoutFallback();
    }

    private static StatusRuntimeException fail() {
        return catchThrowableOfType(StatusRuntimeException.class, () -> routing.gateway.chat().complete(request()));
    }

    private static void assertCalledOnceWithoutFallback() {
        assertThat(routing.primary.received()).hasSize(1);
        assertThat(routing.secondary.received()).isEmpty();
    }

    private static ErrorInfo errorInfo(StatusRuntimeException e) throws InvalidProtocolBufferException {
        return StatusProto.fromThrowable(e).getDetails(0).unpack(ErrorInfo.class);
    }
}
