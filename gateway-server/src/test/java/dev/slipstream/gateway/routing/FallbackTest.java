package dev.slipstream.gateway.routing;

import static dev.slipstream.gateway.routing.RoutingFixture.PRIMARY;
import static dev.slipstream.gateway.routing.RoutingFixture.SECONDARY;
import static dev.slipstream.gateway.routing.RoutingFixture.attempts;
import static dev.slipstream.gateway.routing.RoutingFixture.request;
import static dev.slipstream.gateway.routing.RoutingFixture.retries;
import static dev.slipstream.gateway.routing.RoutingFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.MediaType;

import dev.slipstream.api.gateway.v1.CompleteResponse;
import dev.slipstream.gateway.config.BreakerConfig;
import dev.slipstream.gateway.provider.fake.FakeProvider;
import dev.slipstream.gateway.testing.RunningGateway;

/**
 * Acceptance 1: whatever way the primary fails (500, 503, a dropped connection, no answer in time), the
 * secondary answers within the caller's deadline, and the response names every attempt.
 */
class FallbackTest {
    private static final long DEADLINE_MS = 3_000;
    private static final long PRIMARY_TIMEOUT_MS = 300;
    /** Needs more calls than these tests make, so that every test sees the primary called. */
    private static final BreakerConfig NEVER_OPENS = new BreakerConfig(null, null, null, 100, 100, null, null);

    private static RoutingFixture routing;

    @BeforeAll
    static void start() {
        // Two attempts at the primary, then the secondary.
        routing = RoutingFixture.fallback(target("primary", "model-a", PRIMARY_TIMEOUT_MS, retries(2),
                                                 NEVER_OPENS)).warmedUp();
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

    @ParameterizedTest
    @ValueSource(ints = {500, 503})
    void serverErrorFallsBackAfterRetrying(int status) {
        routing.primary.failWith(status);

        final CompleteResponse response = completeWithinDeadline();

        assertAnsweredBySecondary(response);
        assertThat(attempts(response)).containsExactly(PRIMARY + " FAILED " + status, PRIMARY + " FAILED " + status,
                                                       SECONDARY + " SUCCEEDED");
        assertThat(response.getRouteAttempts(0).getReason()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(routing.primary.received()).hasSize(2);
    }

    @Test
    void droppedConnectionFallsBack() {
        routing.primary.dropConnections();

        final CompleteResponse response = completeWithinDeadline();

        assertAnsweredBySecondary(response);
        assertThat(attempts(response)).containsExactly(PRIMARY + " FAILED", PRIMARY + " FAILED",
                                                       SECONDARY + " SUCCEEDED");
    }

    @Test
    void timeoutFallsBackWithinTheDeadline() {
        routing.primary.answerAfter(Duration.ofSeconds(5));

        final CompleteResponse response = completeWithinDeadline();

        assertAnsweredBySecondary(response);
        assertThat(attempts(response)).containsExactly(PRIMARY + " FAILED", PRIMARY + " FAILED",
                                                       SECONDARY + " SUCCEEDED");
        assertThat(response.getRouteAttemptsList().subList(0, 2))
                .allSatisfy(attempt -> {
                    assertThat(attempt.getReason()).isEqualTo("PROVIDER_TIMEOUT");
                    assertThat(attempt.getLatencyMs()).isBetween(PRIMARY_TIMEOUT_MS - 10, PRIMARY_TIMEOUT_MS + 500);
                });
    }

    @Test
    void healthyPrimaryAnswersAlone() {
        final CompleteResponse response = completeWithinDeadline();

        assertThat(response.getProvider()).isEqualTo("primary");
        assertThat(response.getFallback()).isFalse();
        assertThat(attempts(response)).containsExactly(PRIMARY + " SUCCEEDED");
        assertThat(routing.secondary.received()).isEmpty();
    }

    @Test
    void openAiSurfaceReportsAttemptsFallbackAndCacheInHeaders() {
        routing.primary.failWith(503);

        final AggregatedHttpResponse response =
                WebClient.of(routing.gateway.httpUri())
                         .prepare().post("/v1/chat/completions")
                         .header("authorization", "Bearer " + RunningGateway.API_KEY)
                         .content(MediaType.JSON_UTF_8, "{\"model\": \"" + RoutingFixture.ROUTE + "\", " +
                                                        "\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}")
                         .execute().aggregate().join();

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().get("x-slipstream-provider")).isEqualTo("secondary");
        assertThat(response.headers().get("x-slipstream-fallback")).isEqualTo("true");
        assertThat(response.headers().get("x-slipstream-attempts")).isEqualTo("3");
        assertThat(response.headers().get("x-slipstream-cache")).isEqualTo("miss");
    }

    private static CompleteResponse completeWithinDeadline() {
        final long start = System.nanoTime();
        final CompleteResponse response =
                routing.gateway.chat().withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS).complete(request());
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(DEADLINE_MS);
        return response;
    }

    private static void assertAnsweredBySecondary(CompleteResponse response) {
        assertThat(response.getMessage().getContent()).isEqualTo(FakeProvider.REPLY);
        assertThat(response.getProvider()).isEqualTo("secondary");
        assertThat(response.getProviderModel()).isEqualTo("model-b");
        assertThat(response.getFallback()).isTrue();
        assertThat(routing.secondary.received()).hasSize(1);
        assertThat(response.getCacheHit()).isFalse();
    }
}
