package dev.slipstream.gateway.routing;

import static dev.slipstream.gateway.routing.RoutingFixture.request;
import static dev.slipstream.gateway.routing.RoutingFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.slipstream.gateway.config.CacheConfig;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;

/**
 * Acceptance 5: least-latency sends most requests to the faster of two targets, and follows when the two
 * swap speeds.
 */
class LeastLatencyTest {
    /** Ten times and more what a fake takes to answer at once over loopback, with margin for a busy machine. */
    private static final Duration SLOW = Duration.ofMillis(300);
    private static final int REQUESTS = 40;

    private static RoutingFixture routing;

    @BeforeAll
    static void start() {
        routing = RoutingFixture.of("least-latency", target("primary", "model-a"), target("secondary", "model-b"),
                                    CacheConfig.DEFAULT);
    }

    @AfterAll
    static void stop() {
        routing.close();
    }

    @Test
    void mostTrafficGoesToTheFasterTargetAndShiftsWhenTheySwap() {
        routing.secondary.answerAfter(SLOW);
        assertThat(shareOf(routing.primary)).as("share of the fast primary").isGreaterThan(0.8);

        routing.primary.answerAfter(SLOW);
        routing.secondary.answerNormally();
        assertThat(shareOf(routing.secondary)).as("share of the secondary, now fast").isGreaterThan(0.8);
    }

    /** Sends {@link #REQUESTS} requests one after another; the share of them that {@code fake} received. */
    private static double shareOf(FakeOpenAi fake) {
        final int before = fake.received().size();
        for (int i = 0; i < REQUESTS; i++) {
            routing.gateway.chat().complete(request());
        }
        return (fake.received().size() - before) / (double) REQUESTS;
    }
}
