package dev.slipstream.gateway.routing;

import static dev.slipstream.gateway.routing.RoutingFixture.PRIMARY;
import static dev.slipstream.gateway.routing.RoutingFixture.SECONDARY;
import static dev.slipstream.gateway.routing.RoutingFixture.attempts;
import static dev.slipstream.gateway.routing.RoutingFixture.request;
import static dev.slipstream.gateway.routing.RoutingFixture.retries;
import static dev.slipstream.gateway.routing.RoutingFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.slipstream.api.gateway.v1.CompleteResponse;
import dev.slipstream.gateway.config.BreakerConfig;

/**
 * Acceptance 4: enough failures open the primary's breaker, so that no call reaches it; after its wait the
 * breaker lets a probe through, and closes again once the primary has recovered.
 */
class CircuitBreakerTest {
    private static final int WINDOW = 4;
    private static final long WAIT_IN_OPEN_MS = 500;
    /** Opens on 50 % failures over the last 4 calls, once 4 were made; one probe when half-open. */
    private static final BreakerConfig BREAKER = new BreakerConfig(50, null, null, WINDOW, WINDOW, WAIT_IN_OPEN_MS, 1);

    private RoutingFixture routing;

    @BeforeEach
    void start() {
        routing = RoutingFixture.fallback(target("primary", "model-a", 0, retries(1), BREAKER));
    }

    @AfterEach
    void stop() {
        routing.close();
    }

    @Test
    void opensThenHalfOpensThenClosesWhenThePrimaryRecovers() throws Exception {
        routing.primary.failWith(503);
        for (int i = 0; i < WINDOW; i++) {
            assertThat(complete().getProvider()).isEqualTo("secondary");
        }
        assertThat(routing.breakerState(PRIMARY)).isEqualTo("OPEN");

        for (int i = 0; i < 10; i++) {
            final CompleteResponse response = complete();
            assertThat(attempts(response)).containsExactly(PRIMARY + " BREAKER_OPEN", SECONDARY + " SUCCEEDED");
        }
        assertThat(routing.primary.received()).as("calls that reached the failing primary").hasSize(WINDOW);

        routing.primary.answerNormally();
        Thread.sleep(WAIT_IN_OPEN_MS + 100);
        final CompleteResponse probe = complete();
        assertThat(attempts(probe)).containsExactly(PRIMARY + " SUCCEEDED");
        assertThat(routing.breakerState(PRIMARY)).isEqualTo("CLOSED");
        assertThat(complete().getFallback()).isFalse();
        assertThat(routing.primary.received()).hasSize(WINDOW + 2);
    }

    @Test
    void aFailedProbeOpensTheBreakerAgain() throws Exception {
        routing.primary.failWith(503);
        for (int i = 0; i < WINDOW; i++) {
            complete();
        }
        Thread.sleep(WAIT_IN_OPEN_MS + 100);

        assertThat(attempts(complete())).containsExactly(PRIMARY + " FAILED 503", SECONDARY + " SUCCEEDED");
        assertThat(routing.breakerState(PRIMARY)).isEqualTo("OPEN");
        assertThat(attempts(complete())).containsExactly(PRIMARY + " BREAKER_OPEN", SECONDARY + " SUCCEEDED");
        assertThat(routing.primary.received()).hasSize(WINDOW + 1);
    }

    private CompleteResponse complete() {
        return routing.gateway.chat().complete(request());
    }
}
