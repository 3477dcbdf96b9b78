package dev.slipstream.gateway.chat;

import static java.util.Objects.requireNonNull;

import dev.slipstream.gateway.provider.ChatProvider;

/**
 * Where a requested model name leads.
 *
 * @param name the name as listed to callers: an alias or {@code provider/model}
 * @param contextWindowTokens 0 when unknown
 */
public record ResolvedModel(String name, ChatProvider provider, String providerModel, int contextWindowTokens) {
    public ResolvedModel {
        requireNonNull(name, "name");
        requireNonNull(provider, "provider");
        requireNonNull(providerModel, "providerModel");
    }
}
