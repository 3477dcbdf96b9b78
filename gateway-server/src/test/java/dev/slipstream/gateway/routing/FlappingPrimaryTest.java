package dev.slipstream.gateway.routing;

import static dev.slipstream.gateway.routing.RoutingFixture.request;
import static dev.slipstream.gateway.routing.RoutingFixture.retries;
import static dev.slipstream.gateway.routing.RoutingFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;

import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceFutureStub;
import dev.slipstream.api.gateway.v1.CompleteResponse;
import dev.slipstream.gateway.config.BreakerConfig;

/**
 * Acceptance 8: at a steady request rate, with the primary going down and up again and again, no caller
 * request fails, and the calls that reach the primary while it is down stay within what its breaker allows.
 *
 * <p>The bound, per down period of length D, with the breaker below (a window of W calls, opening at F %
 * failures, waiting T while open, letting H probes through when half-open) and one attempt per request:
 * <ul>
 *   <li>at most ceil(W × F / 100) failed calls before the breaker opens (the window was full of successes);</li>
 *   <li>at most H probes per half-open period, and at most floor(D / T) + 1 half-open periods;</li>
 *   <li>plus the calls already in flight when the breaker opened or the primary went down (a small slack, S).
 *   </li>
 * </ul>
 * so at most ceil(W × F / 100) + H × (floor(D / T) + 1) + S calls per down period, against the D × rate
 * requests it would have taken without a breaker.
 *
 * <p>The default run is 20 s (down 5 s, up 5 s); the 2-minute run (down 10 s, up 10 s) is tagged {@code soak}
 * and runs with
 * {@code mvn -pl gateway-server verify -Dtest=FlappingPrimaryTest -DexcludedGroups=none -Dgroups=soak}.
 */
class FlappingPrimaryTest {
    private static final int WINDOW = 10;
    private static final int FAILURE_RATE_PERCENT = 50;
    private static final long WAIT_IN_OPEN_MS = 1_000;
    private static final int HALF_OPEN_CALLS = 2;
    private static final BreakerConfig BREAKER =
            new BreakerConfig(FAILURE_RATE_PERCENT, null, null, WINDOW, WINDOW / 2, WAIT_IN_OPEN_MS,
                              HALF_OPEN_CALLS);
    private static final int IN_FLIGHT_SLACK = 3;
    private static final Duration REQUEST_INTERVAL = Duration.ofMillis(50);
    private static final long CALLER_DEADLINE_MS = 2_000;

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
    void twentySecondsOfFiveSecondFlaps() throws Exception {
        flap(Duration.ofSeconds(20), Duration.ofSeconds(5));
    }

    @Test
    @Tag("soak")
    void twoMinutesOfTenSecondFlaps() throws Exception {
        flap(Duration.ofMinutes(2), Duration.ofSeconds(10));
    }

    /** Sends requests every {@link #REQUEST_INTERVAL} for {@code total}, the primary down then up each {@code half}. */
    private void flap(Duration total, Duration half) throws Exception {
        final ChatServiceFutureStub chat = routing.gateway.grpcClient().build(ChatServiceFutureStub.class);
        final AtomicInteger failed = new AtomicInteger();
        final List<CompletableFuture<Void>> done = new ArrayList<>();
        final List<Integer> callsWhileDown = new ArrayList<>();
        final long startNanos = System.nanoTime();
        final long endNanos = startNanos + total.toNanos();
        int period = -1;
        int receivedAtDown = 0;
        while (System.nanoTime() < endNanos) {
            final int current = (int) ((System.nanoTime() - startNanos) / half.toNanos());
            if (current != period) {
                period = current;
                if (period % 2 == 0) {
                    receivedAtDown = routing.primary.received().size();
                    routing.primary.failWith(503);
                } else {
                    routing.primary.answerNormally();
                    callsWhileDown.add(routing.primary.received().size() - receivedAtDown);
                }
            }
            done.add(send(chat, failed));
            Thread.sleep(REQUEST_INTERVAL.toMillis());
        }
        if (period % 2 == 0) {
            callsWhileDown.add(routing.primary.received().size() - receivedAtDown);
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(failed).as("failed caller requests of " + done.size()).hasValue(0);
        final long halfOpenPeriods = half.toMillis() / WAIT_IN_OPEN_MS + 1;
        final long bound = (WINDOW * FAILURE_RATE_PERCENT + 99) / 100 + HALF_OPEN_CALLS * halfOpenPeriods +
                           IN_FLIGHT_SLACK;
        assertThat(callsWhileDown).as("calls to the down primary, per down period (bound " + bound + ')')
                                  .isNotEmpty()
                                  .allSatisfy(calls -> assertThat(calls).isPositive().isLessThanOrEqualTo((int) bound));
    }

    private static CompletableFuture<Void> send(ChatServiceFutureStub chat, AtomicInteger failed) {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        Futures.addCallback(chat.withDeadlineAfter(CALLER_DEADLINE_MS, TimeUnit.MILLISECONDS).complete(request()),
                            new FutureCallback<CompleteResponse>() {
                                @Override
                                public void onSuccess(CompleteResponse response) {
                                    done.complete(null);
                                }

                                @Override
                                public void onFailure(Throwable t) {
                                    failed.incrementAndGet();
                                    done.complete(null);
                                }
                            }, MoreExecutors.directExecutor());
        return done;
    }
}
