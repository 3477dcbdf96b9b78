package dev.slipstream.gateway.config;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * A model alias callers may name.
 *
 * @param alias the name in requests, e.g. {@code fast}
 * @param provider the configured provider that serves it
 * @param model the provider's own model name
 * @param contextWindowTokens prompt plus reply, in tokens; 0 when unknown
 */
public record ModelConfig(String alias, String provider, String model, Integer contextWindowTokens) {
    public ModelConfig(String alias, String provider, String model, @Nullable Integer contextWindowTokens) {
        this.alias = alias;
        this.provider = provider;
        this.model = model;
        this.contextWindowTokens = contextWindowTokens == null ? 0 : contextWindowTokens;
    }
}
