package dev.slipstream.gateway.provider;

import static java.util.Objects.requireNonNull;

import java.util.List;

import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.GenerationOptions;

/** A validated request for one provider model. */
public record ProviderRequest(String providerModel, List<ChatMessage> messages, GenerationOptions options) {
    public ProviderRequest {
        requireNonNull(providerModel, "providerModel");
        messages = List.copyOf(messages);
        requireNonNull(options, "options");
    }
}
