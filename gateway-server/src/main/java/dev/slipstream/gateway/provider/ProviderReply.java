package dev.slipstream.gateway.provider;

import static java.util.Objects.requireNonNull;

import dev.slipstream.gateway.chat.FinishReason;
import dev.slipstream.gateway.chat.TokenUsage;

/**
 * What a provider answered.
 *
 * @param providerModel the model name the provider reports having used (may differ from the one asked)
 */
public record ProviderReply(String content, FinishReason finishReason, TokenUsage usage, String providerModel) {
    public ProviderReply {
        requireNonNull(content, "content");
        requireNonNull(finishReason, "finishReason");
        requireNonNull(usage, "usage");
        requireNonNull(providerModel, "providerModel");
    }
}
