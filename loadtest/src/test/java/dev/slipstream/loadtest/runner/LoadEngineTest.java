package dev.slipstream.loadtest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadEngineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void closedLoopMakesExactlyTheTotalAndLeavesOutTheFirst() {
        final Set<Long> numbers = ConcurrentHashMap.newKeySet();
        final RunResult result = LoadEngine.run(
                new LoadEngine.Plan(0, 4, 500, Duration.ZERO, 100, Duration.ZERO, 10, TIMEOUT, false),
                target((number, worker) -> {
                    numbers.add(number);
                    return CompletableFuture.completedFuture(number % 50 == 0
                            ? new CallTarget.Outcome("UNAVAILABLE", "rpc error: code = UNAVAILABLE")
                            : CallTarget.Outcome.OK);
                }));

        assertThat(numbers).hasSize(500);
        assertThat(result.count()).isEqualTo(400);
        assertThat(result.statusCodes()).containsEntry("UNAVAILABLE", 8L).containsEntry("OK", 392L);
        assertThat(result.errors()).containsEntry("rpc error: code = UNAVAILABLE", 8L);
        assertThat(result.latencyMicros().getTotalCount()).as("errors are not in the latencies").isEqualTo(392);
    }

    @Test
    void closedLoopNeverHasMoreCallsInFlightThanWorkers() {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final LoadEngine.Plan plan = new LoadEngine.Plan(0, 3, 60, Duration.ZERO, 0, Duration.ZERO, 10, TIMEOUT, false);
        LoadEngine.run(plan, target((n, w) -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return later(Duration.ofMillis(2)).thenApply(outcome -> {
                inFlight.decrementAndGet();
                return outcome;
            });
        }));

        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void openLoopKeepsTheRateAndMeasuresFromTheDueTime() {
        // The sender stalls 100 ms once, as a blocked client would: the calls due meanwhile go out late, and
        // their latency must include the wait (no coordinated omission).
        final RunResult result = LoadEngine.run(
                new LoadEngine.Plan(1000, 1, 600, Duration.ZERO, 0, Duration.ZERO, 10_000, TIMEOUT, false), target((n, w) -> {
                    if (n == 200) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                    }
                    return later(Duration.ofMillis(1));
                }));

        assertThat(result.count()).isEqualTo(600);
        assertThat(result.requestsPerSecond()).isBetween(800.0, 1200.0);
        assertThat(result.millisAt(100)).isGreaterThanOrEqualTo(100);
        assertThat(result.latencyMicros().getCountBetweenValues(50_000, Long.MAX_VALUE / 4))
                .as("calls due during the stall").isGreaterThanOrEqualTo(45);
    }

    @Test
    void openLoopDropsCallsBeyondTheInFlightLimitAndCountsThem() {
        final RunResult result = LoadEngine.run(
                new LoadEngine.Plan(1000, 1, 200, Duration.ZERO, 0, Duration.ZERO, 5, TIMEOUT, false),
                target((n, w) -> later(Duration.ofMillis(100))));

        assertThat(result.dropped()).isGreaterThan(150);
        assertThat(result.count() + result.dropped()).isEqualTo(200);
    }

    @Test
    void aBoundedTargetQueuesCallsBeyondItsLimitAndTheWaitCountsInTheOpenLoop() {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final CallTarget bounded = new BoundedTarget(target((n, w) -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return later(Duration.ofMillis(20)).thenApply(outcome -> {
                inFlight.decrementAndGet();
                return outcome;
            });
        }), 2);
        final RunResult result = LoadEngine.run(
                new LoadEngine.Plan(500, 1, 100, Duration.ZERO, 0, Duration.ZERO, 10_000, TIMEOUT, false), bounded);

        assertThat(most.get()).isEqualTo(2);
        assertThat(result.ok()).isEqualTo(100);
        // 2 at a time, 20 ms each: 100 calls take ~1 s, so the last ones, due at ~0.2 s, wait ~0.8 s.
        assertThat(result.millisAt(100)).isGreaterThan(500);
    }

    @Test
    void aWarmUpByTimeLeavesOutTheCallsStartedInIt() {
        final RunResult result = LoadEngine.run(
                new LoadEngine.Plan(1000, 1, 300, Duration.ZERO, 0, Duration.ofMillis(100), 10_000, TIMEOUT, false),
                target((n, w) -> CompletableFuture.completedFuture(CallTarget.Outcome.OK)));

        assertThat(result.count()).isEqualTo(200);
    }

    @Test
    void aDurationEndsTheRunWhateverTheTotal() {
        final long start = System.nanoTime();
        final RunResult result = LoadEngine.run(
                new LoadEngine.Plan(0, 2, 0, Duration.ofMillis(300), 0, Duration.ZERO, 10, TIMEOUT, false),
                target((n, w) -> later(Duration.ofMillis(1))));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(result.count()).isPositive();
    }

    private CompletableFuture<CallTarget.Outcome> later(Duration delay) {
        final CompletableFuture<CallTarget.Outcome> future = new CompletableFuture<>();
        timer.schedule(() -> future.complete(CallTarget.Outcome.OK), delay.toNanos(), TimeUnit.NANOSECONDS);
        return future;
    }

    private interface Calls {
        CompletableFuture<CallTarget.Outcome> call(long number, int worker);
    }

    private static CallTarget target(Calls calls) {
        return new CallTarget() {
            @Override
            public CompletableFuture<Outcome> call(long requestNumber, int workerId) {
                return calls.call(requestNumber, workerId);
            }

            @Override
            public void close() {}
        };
    }
}
