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

import dev.slipstream.api.gateway.v1.CompleteResponse;
import dev.slipstream.gateway.config.BreakerConfig;

/** Acceptance 2: a 429 with {@code Retry-After: 1} is retried after that second if the deadline allows it. */
class RetryAfterTest {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private static RoutingFixture routing;

    @BeforeAll
    static void start() {
        routing = RoutingFixture.fallback(target("primary", "model-a", 0, retries(2), BreakerConfig.DEFAULT))
                                .warmedUp();
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
    void retriesThePrimaryAfterRetryAfterWhenTheDeadlineAllows() {
        routing.primary.rateLimit(RETRY_AFTER);
        routing.primary.onlyFor(1);

        final long start = System.nanoTime();
        final CompleteResponse response = routing.gateway.chat().withDeadlineAfter(5, TimeUnit.SECONDS)
                                                 .complete(request());
        final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(response.getProvider()).isEqualTo("primary");
        assertThat(response.getFallback()).isFalse();
        assertThat(attempts(response)).containsExactly(PRIMARY + " FAILED 429", PRIMARY + " SUCCEEDED");
        assertThat(response.getRouteAttempts(0).getReason()).isEqualTo("PROVIDER_RATE_LIMITED");
        assertThat(elapsedMs).isGreaterThanOrEqualTo(RETRY_AFTER.toMillis());
        assertThat(routing.primary.received()).hasSize(2);
        assertThat(routing.secondary.received()).isEmpty();
    }

    @Test
    void fallsBackAtOnceWhenTheDeadlineIsShorterThanRetryAfter() {
        routing.primary.rateLimit(RETRY_AFTER);

        final long start = System.nanoTime();
        final CompleteResponse response = routing.gateway.chat().withDeadlineAfter(800, TimeUnit.MILLISECONDS)
                                                 .complete(request());
        final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(response.getProvider()).isEqualTo("secondary");
        assertThat(response.getFallback()).isTrue();
        assertThat(attempts(response)).containsExactly(PRIMARY + " FAILED 429", SECONDARY + " SUCCEEDED");
        assertThat(elapsedMs).isLessThan(RETRY_AFTER.toMillis());
        assertThat(routing.primary.received()).hasSize(1);
    }
}
