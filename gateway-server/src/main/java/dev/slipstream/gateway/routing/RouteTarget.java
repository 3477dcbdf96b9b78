package dev.slipstream.gateway.routing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

import dev.slipstream.gateway.config.BreakerConfig;
import dev.slipstream.gateway.config.BulkheadConfig;
import dev.slipstream.gateway.config.RetryConfig;
import dev.slipstream.gateway.config.TargetConfig;
import dev.slipstream.gateway.provider.ChatProvider;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.core.IntervalFunction;

/**
 * One provider model of a route and the state of calls to it: its breaker, bulkhead and latency.
 *
 * @param timeout the longest wait for one attempt; {@link Duration#ZERO} leaves it to the provider client
 */
record RouteTarget(String name, ChatProvider provider, String providerModel, int weight, Duration timeout,
                   RetryConfig retry, IntervalFunction backoff, CircuitBreaker breaker, Bulkhead bulkhead,
                   LatencyTracker latency) {
    RouteTarget {
        requireNonNull(name, "name");
        requireNonNull(provider, "provider");
        requireNonNull(providerModel, "providerModel");
        requireNonNull(timeout, "timeout");
        requireNonNull(retry, "retry");
        requireNonNull(backoff, "backoff");
        requireNonNull(breaker, "breaker");
        requireNonNull(bulkhead, "bulkhead");
        requireNonNull(latency, "latency");
    }

    /** A target with every setting of {@code config}; {@code routeName} keeps its breaker's name unique. */
    static RouteTarget of(String routeName, TargetConfig config, ChatProvider provider) {
        final String name = config.name();
        final RetryConfig retry = config.retry();
        return new RouteTarget(name, provider, config.model(), config.weight(),
                               Duration.ofMillis(config.timeoutMs()), retry, backoff(retry),
                               CircuitBreaker.of(routeName + ':' + name, breakerConfig(config.breaker())),
                               Bulkhead.of(routeName + ':' + name, bulkheadConfig(config.bulkhead())),
                               new LatencyTracker());
    }

    /**
     * A plain model alias or a {@code provider/model} name: called once, with the provider's own timeout and
     * no breaker, as before routes existed.
     */
    static RouteTarget passThrough(String name, ChatProvider provider, String providerModel) {
        final CircuitBreaker breaker = CircuitBreaker.ofDefaults(name);
        breaker.transitionToDisabledState();
        return new RouteTarget(name, provider, providerModel, 1, Duration.ZERO, RetryConfig.NONE,
                               backoff(RetryConfig.NONE), breaker,
                               Bulkhead.of(name, bulkheadConfig(BulkheadConfig.DEFAULT)), new LatencyTracker());
    }

    private static IntervalFunction backoff(RetryConfig retry) {
        return IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(retry.initialBackoffMs()),
                                                          IntervalFunction.DEFAULT_MULTIPLIER,
                                                          IntervalFunction.DEFAULT_RANDOMIZATION_FACTOR,
                                                          Duration.ofMillis(retry.maxBackoffMs()));
    }

    private static CircuitBreakerConfig breakerConfig(BreakerConfig config) {
        return CircuitBreakerConfig.custom()
                                   .slidingWindow(config.slidingWindowSize(), config.minimumCalls(),
                                                  SlidingWindowType.COUNT_BASED)
                                   .failureRateThreshold(config.failureRateThreshold())
                                   .slowCallDurationThreshold(Duration.ofMillis(config.slowCallDurationMs()))
                                   .slowCallRateThreshold(config.slowCallRateThreshold())
                                   .waitDurationInOpenState(Duration.ofMillis(config.waitInOpenMs()))
                                   .permittedNumberOfCallsInHalfOpenState(config.halfOpenCalls())
                                   .build();
    }

    private static io.github.resilience4j.bulkhead.BulkheadConfig bulkheadConfig(BulkheadConfig config) {
        // Never wait for a slot: a full target hands the request to the next one.
        return io.github.resilience4j.bulkhead.BulkheadConfig.custom()
                                                             .maxConcurrentCalls(config.maxConcurrent())
                                                             .maxWaitDuration(Duration.ZERO)
                                                             .build();
    }
}
