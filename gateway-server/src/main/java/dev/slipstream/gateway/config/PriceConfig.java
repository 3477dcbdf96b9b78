package dev.slipstream.gateway.config;

import java.util.List;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * The price of one model, in micro-dollars per million tokens (so {@code $2.50 / 1M} is {@code 2500000}).
 *
 * Missing prices are left null for the validator to report.
 *
 * @param model a model alias, or {@code provider/model} as requests name it
 * @param cachedInput input tokens read from the provider's prompt cache; defaults to {@code input}
 * @param cacheWrite input tokens written to the prompt cache (Anthropic's cache_creation_input_tokens);
 *                   defaults to {@code input}
 * @param tiers other prices that apply when a call's input tokens exceed a threshold, as some providers
 *              charge for long contexts
 */
public record PriceConfig(String model, Long input, Long cachedInput, Long cacheWrite, Long output,
                          List<PriceTierConfig> tiers) {
    public PriceConfig(String model, @Nullable Long input, @Nullable Long cachedInput, @Nullable Long cacheWrite,
                       @Nullable Long output,
                       @Nullable List<PriceTierConfig> tiers) {
        this.model = model;
        this.input = input;
        this.cachedInput = cachedInput == null ? input : cachedInput;
        this.cacheWrite = cacheWrite == null ? input : cacheWrite;
        this.output = output;
        this.tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** Prices for calls whose input tokens exceed {@code aboveInputTokens}; the same defaults apply. */
    public record PriceTierConfig(Long aboveInputTokens, Long input, Long cachedInput, Long cacheWrite,
                                  Long output) {
        public PriceTierConfig(@Nullable Long aboveInputTokens, @Nullable Long input, @Nullable Long cachedInput,
                               @Nullable Long cacheWrite, @Nullable Long output) {
            this.aboveInputTokens = aboveInputTokens;
            this.input = input;
            this.cachedInput = cachedInput == null ? input : cachedInput;
            this.cacheWrite = cacheWrite == null ? input : cacheWrite;
            this.output = output;
        }
    }
}
