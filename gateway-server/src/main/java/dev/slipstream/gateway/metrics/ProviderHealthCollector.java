package dev.slipstream.gateway.metrics;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.slipstream.gateway.routing.TargetHealth;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;

/**
 * Every route target's health as series, read at scrape time from the same snapshot as
 * {@code AdminService.ListProviderHealth}: {@code slipstream_provider_circuit_state} (1 for the breaker's
 * current state, 0 for the others), failure and slow-call rates, latency, calls in flight and calls the
 * breaker refused. Labels are configured routes and their targets only.
 */
public final class ProviderHealthCollector extends Collector {
    private static final List<String> LABELS = List.of("route", "target");
    private static final List<String> STATE_LABELS = List.of("route", "target", "state");

    private final Supplier<List<TargetHealth>> health;

    public ProviderHealthCollector(Supplier<List<TargetHealth>> health) {
        this.health = requireNonNull(health, "health");
    }

    @Override
    public List<MetricFamilySamples> collect() {
        final GaugeMetricFamily state = new GaugeMetricFamily(
                "slipstream_provider_circuit_state",
                "1 for the circuit breaker state a route target is in, 0 for the other states.", STATE_LABELS);
        final GaugeMetricFamily failureRate = gauge("slipstream_provider_failure_rate_percent",
                                                    "Failed calls over the breaker's window; -1 until it has " +
                                                    "its minimum of calls.");
        final GaugeMetricFamily slowCallRate = gauge("slipstream_provider_slow_call_rate_percent",
                                                     "Slow calls over the breaker's window; -1 until it has " +
                                                     "its minimum of calls.");
        final GaugeMetricFamily latency = gauge("slipstream_provider_latency_seconds",
                                                "Recent latency (EWMA) of a route target's calls.");
        final GaugeMetricFamily inFlight = gauge("slipstream_provider_in_flight_calls",
                                                 "Calls to a route target being made now.");
        final CounterMetricFamily notPermitted = new CounterMetricFamily(
                "slipstream_provider_not_permitted_calls", "Calls the open breaker of a route target refused.",
                LABELS);
        for (TargetHealth target : health.get()) {
            final List<String> labels = List.of(target.route(), target.target());
            for (CircuitBreaker.State each : CircuitBreaker.State.values()) {
                state.addMetric(List.of(target.route(), target.target(), each.name()),
                                each.name().equals(target.breakerState()) ? 1 : 0);
            }
            failureRate.addMetric(labels, target.failureRatePercent());
            slowCallRate.addMetric(labels, target.slowCallRatePercent());
            latency.addMetric(labels, target.latencyMs() / 1_000);
            inFlight.addMetric(labels, target.inFlight());
            notPermitted.addMetric(labels, target.notPermittedCalls());
        }
        final List<MetricFamilySamples> families = new ArrayList<>(6);
        families.add(state);
        families.add(failureRate);
        families.add(slowCallRate);
        families.add(latency);
        families.add(inFlight);
        families.add(notPermitted);
        return families;
    }

    private static GaugeMetricFamily gauge(String name, String help) {
        return new GaugeMetricFamily(name, help, LABELS);
    }
}
