package dev.slipstream.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.ServerBuilder;

import dev.slipstream.gateway.auth.ApiKeyVerifier;
import dev.slipstream.gateway.auth.Scope;
import dev.slipstream.gateway.cache.CacheStats;
import dev.slipstream.gateway.cache.ResponseCache;
import dev.slipstream.gateway.routing.Router;
import dev.slipstream.gateway.routing.TargetHealth;

/**
 * {@code GET /admin/providers}: every route target's breaker state, failure and slow-call rates, latency and
 * calls in flight, and the response cache's counters, as JSON behind the API key.
 */
public final class ProviderHealthService {
    static final String PATH = "/admin/providers";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProviderHealthService() {}

    public static void mount(ServerBuilder sb, Router router, ResponseCache cache, ApiKeyVerifier verifier) {
        sb.route().get(PATH)
          .decorator(delegate -> new HttpApiKeyAuth(delegate, verifier, Scope.ADMIN, "GET /admin/providers"))
          .build((ctx, req) -> HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8,
                                               snapshot(router, cache).toString()));
    }

    private static ObjectNode snapshot(Router router, ResponseCache cache) {
        final ObjectNode root = MAPPER.createObjectNode();
        final ArrayNode targets = root.putArray("targets");
        for (TargetHealth health : router.health()) {
            targets.addObject()
                   .put("route", health.route())
                   .put("target", health.target())
                   .put("breaker_state", health.breakerState())
                   .put("failure_rate_percent", health.failureRatePercent())
                   .put("slow_call_rate_percent", health.slowCallRatePercent())
                   .put("buffered_calls", health.bufferedCalls())
                   .put("not_permitted_calls", health.notPermittedCalls())
                   .put("latency_ms", health.latencyMs())
                   .put("in_flight", health.inFlight());
        }
        final CacheStats stats = cache.stats();
        root.putObject("cache")
            .put("hits", stats.hits())
            .put("misses", stats.misses())
            .put("saved_cost_micros_usd", stats.savedCostMicrosUsd())
            .put("entries", stats.entries());
        return root;
    }
}
