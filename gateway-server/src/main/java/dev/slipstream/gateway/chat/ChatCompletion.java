package dev.slipstream.gateway.chat;

import static java.util.Objects.requireNonNull;

import java.util.List;

import dev.slipstream.gateway.routing.RouteAttempt;

/**
 * The outcome of a chat request: the reply and how it was produced.
 *
 * @param id the gateway's id of this completion
 * @param provider the configured provider name that answered
 * @param providerModel the provider's own model name
 * @param gatewayLatencyNanos time spent in the gateway, excluding the upstream call
 * @param upstreamLatencyNanos time spent waiting for the provider
 * @param routeAttempts every attempt at a route target, the successful one last; empty for a cache hit
 * @param fallback whether a target other than the request's first choice answered
 * @param cacheHit whether the response cache answered, so that no provider was called and nothing is owed
 */
public record ChatCompletion(String id,
                             String requestId,
                             String content,
                             FinishReason finishReason,
                             TokenUsage usage,
                             long costMicrosUsd,
                             String provider,
                             String providerModel,
                             long gatewayLatencyNanos,
                             long upstreamLatencyNanos,
                             List<RouteAttempt> routeAttempts,
                             boolean fallback,
                             boolean cacheHit) {
    public ChatCompletion {
        requireNonNull(id, "id");
        requireNonNull(requestId, "requestId");
        requireNonNull(content, "content");
        requireNonNull(finishReason, "finishReason");
        requireNonNull(usage, "usage");
        requireNonNull(provider, "provider");
        requireNonNull(providerModel, "providerModel");
        routeAttempts = List.copyOf(routeAttempts);
    }

    /** This completion served again from the cache for another request: free, and without upstream time. */
    public ChatCompletion servedFromCache(String id, String requestId, long gatewayLatencyNanos) {
        return new ChatCompletion(id, requestId, content, finishReason, usage, 0, provider, providerModel,
                                  gatewayLatencyNanos, 0, List.of(), false, true);
    }
}
