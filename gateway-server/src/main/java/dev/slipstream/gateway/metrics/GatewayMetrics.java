package dev.slipstream.gateway.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;

/**
 * The gateway's own series, in one simpleclient registry. Labels take bounded values only: configured key
 * ids, model aliases (or {@code <provider>/*} for direct provider/model requests), provider names, and
 * outcomes from a fixed set.
 */
final class GatewayMetrics {
    final Counter requests;
    final Histogram gatewayOverhead;
    final Histogram upstreamLatency;
    final Histogram timeToFirstToken;
    final Counter tokens;
    final Counter cost;
    final Counter rejections;
    final Counter cacheHits;
    final Counter cacheSavedCost;
    final Gauge inFlight;

    GatewayMetrics(CollectorRegistry registry) {
        requests = Counter.build("slipstream_requests_total", "Chat requests by key, model, provider and outcome.")
                          .labelNames("key_id", "model", "provider", "outcome").register(registry);
        gatewayOverhead = Histogram.build("slipstream_gateway_overhead_seconds",
                                          "Time a completed request spent in the gateway, upstream excluded.")
                                   .labelNames("provider")
                                   .buckets(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1)
                                   .register(registry);
        upstreamLatency = Histogram.build("slipstream_upstream_seconds",
                                          "Time a completed request spent waiting for its provider.")
                                   .labelNames("provider")
                                   .buckets(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
                                   .register(registry);
        timeToFirstToken = Histogram.build("slipstream_time_to_first_token_seconds",
                                           "From a stream's arrival to its first content sent.")
                                    .labelNames("provider")
                                    .buckets(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
                                    .register(registry);
        tokens = Counter.build("slipstream_tokens_total", "Tokens of completed requests, by direction.")
                        .labelNames("key_id", "model", "direction").register(registry);
        cost = Counter.build("slipstream_cost_micros_usd_total", "Cost of completed requests in micro-dollars.")
                      .labelNames("key_id", "model").register(registry);
        rejections = Counter.build("slipstream_policy_rejections_total",
                                   "Requests refused by a rate limit or a budget.")
                            .labelNames("key_id", "reason").register(registry);
        cacheHits = Counter.build("slipstream_cache_hits_total", "Requests the response cache answered.")
                           .labelNames("model").register(registry);
        cacheSavedCost = Counter.build("slipstream_cache_saved_cost_micros_usd_total",
                                       "What cache hits would have cost had a provider answered them again.")
                                .labelNames("model").register(registry);
        inFlight = Gauge.build("slipstream_in_flight_requests", "Chat requests being served.").register(registry);
    }
}
