package dev.slipstream.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.config.TargetConfig;
import dev.slipstream.gateway.provider.ChatProvider;
import dev.slipstream.gateway.provider.LocalProvider;

/** The order each strategy gives one request's targets. */
class RouteStrategyTest {
    private static final ChatProvider LOCAL =
            new LocalProvider("local", new TokenCounter(), Executors.newVirtualThreadPerTaskExecutor());
    private static final int DRAWS = 4_000;

    private final RouteTarget a = target("a", 3);
    private final RouteTarget b = target("b", 1);
    private final RouteTarget c = target("c", 1);

    @Test
    void fallbackKeepsTheConfiguredOrder() {
        assertThat(RouteStrategy.FALLBACK.order(List.of(a, b, c))).containsExactly(a, b, c);
    }

    @Test
    void weightedDrawsTheFirstByWeightAndKeepsTheOthersInOrder() {
        int firstIsA = 0;
        for (int i = 0; i < DRAWS; i++) {
            final List<RouteTarget> order = RouteStrategy.WEIGHTED.order(List.of(a, b, c));
            if (order.get(0) == a) {
                firstIsA++;
                assertThat(order).containsExactly(a, b, c);
            } else if (order.get(0) == b) {
                assertThat(order).containsExactly(b, a, c);
            } else {
                assertThat(order).containsExactly(c, a, b);
            }
        }
        // a has 3 of the 5 weight units.
        assertThat(firstIsA / (double) DRAWS).isBetween(0.55, 0.65);
    }

    @Test
    void leastLatencyPutsTheLowerScoreFirst() {
        record(a, 200);
        record(b, 20);
        for (int i = 0; i < 100; i++) {
            assertThat(RouteStrategy.LEAST_LATENCY.order(List.of(a, b))).containsExactly(b, a);
        }
    }

    @Test
    void leastLatencyCountsCallsInFlight() {
        record(a, 30);
        record(b, 20);
        b.latency().started();
        b.latency().started();

        assertThat(RouteStrategy.LEAST_LATENCY.order(List.of(a, b))).containsExactly(a, b);
    }

    @Test
    void strategiesAreNamedAsConfigured() {
        assertThat(RouteStrategy.of("least-latency")).isEqualTo(RouteStrategy.LEAST_LATENCY);
        assertThat(RouteStrategy.of("weighted")).isEqualTo(RouteStrategy.WEIGHTED);
        assertThat(RouteStrategy.of("fallback")).isEqualTo(RouteStrategy.FALLBACK);
    }

    private static void record(RouteTarget target, long latencyMs) {
        target.latency().started();
        target.latency().finished(latencyMs * 1_000_000, false);
    }

    private static RouteTarget target(String model, int weight) {
        return RouteTarget.of("route", new TargetConfig("local", model, weight, null, null, null, null), LOCAL);
    }
}
