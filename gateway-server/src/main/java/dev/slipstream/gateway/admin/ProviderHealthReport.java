package dev.slipstream.gateway.admin;

import dev.slipstream.api.gateway.v1.CircuitState;
import dev.slipstream.api.gateway.v1.ListProviderHealthResponse;
import dev.slipstream.api.gateway.v1.ResponseCacheStats;
import dev.slipstream.api.gateway.v1.TargetHealth;
import dev.slipstream.gateway.cache.CacheStats;
import dev.slipstream.gateway.cache.ResponseCache;
import dev.slipstream.gateway.routing.Router;

/**
 * The health of every route target and the response cache's counters, now: the one report behind
 * {@code AdminService.ListProviderHealth} and {@code GET /admin/providers}.
 */
public final class ProviderHealthReport {
    private ProviderHealthReport() {}

    public static ListProviderHealthResponse of(Router router, ResponseCache cache) {
        final ListProviderHealthResponse.Builder report = ListProviderHealthResponse.newBuilder();
        for (dev.slipstream.gateway.routing.TargetHealth health : router.health()) {
            report.addTargets(TargetHealth.newBuilder()
                                          .setRoute(health.route())
                                          .setTarget(health.target())
                                          .setCircuitState(CircuitState.valueOf("CIRCUIT_STATE_" +
                                                                                health.breakerState()))
                                          .setFailureRatePercent(health.failureRatePercent())
                                          .setSlowCallRatePercent(health.slowCallRatePercent())
                                          .setBufferedCalls(health.bufferedCalls())
                                          .setNotPermittedCalls(health.notPermittedCalls())
                                          .setLatencyMs(health.latencyMs())
                                          .setInFlightCalls(health.inFlight()));
        }
        final CacheStats stats = cache.stats();
        return report.setCache(ResponseCacheStats.newBuilder()
                                                 .setHits(stats.hits())
                                                 .setMisses(stats.misses())
                                                 .setSavedCostMicrosUsd(stats.savedCostMicrosUsd())
                                                 .setEntries(stats.entries()))
                     .build();
    }
}
