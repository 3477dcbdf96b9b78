package dev.slipstream.gateway.chat;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of a chat request: the reply and how it was produced.
 *
 * @param id the gateway's id of this completion
 * @param provider the configured provider name that answered
 * @param providerModel the provider's own model name
 * @param gatewayLatencyNanos time spent in the gateway, excluding the upstream call
 * @param upstreamLatencyNanos time spent waiting for the provider
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
                             long upstreamLatencyNanos) {
    public ChatCompletion {
        requireNonNull(id, "id");
        requireNonNull(requestId, "requestId");
        requireNonNull(content, "content");
        requireNonNull(finishReason, "finishReason");
        requireNonNull(usage, "usage");
        requireNonNull(provider, "provider");
        requireNonNull(providerModel, "providerModel");
    }
}
