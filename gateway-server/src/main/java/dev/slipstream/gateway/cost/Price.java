package dev.slipstream.gateway.cost;

import java.util.List;

import dev.slipstream.gateway.chat.TokenUsage;
import dev.slipstream.gateway.config.PriceConfig;

/**
 * The price of one model in micro-dollars per million tokens, with optional tiers that replace the base
 * rates when a call's input tokens exceed their threshold.
 */
public final class Price {
    public static final Price FREE = new Price(new Rates(0, 0, 0, 0, 0), List.of());

    private static final long TOKENS_PER_MILLION = 1_000_000;

    /** One set of rates; {@code aboveInputTokens} is 0 for the base rates. */
    record Rates(long aboveInputTokens, long input, long cachedInput, long cacheWrite, long output) {}

    private final Rates base;
    /** Ascending by threshold. */
    private final List<Rates> tiers;

    private Price(Rates base, List<Rates> tiers) {
        this.base = base;
        this.tiers = List.copyOf(tiers);
    }

    public static Price of(PriceConfig config) {
        return new Price(new Rates(0, config.input(), config.cachedInput(), config.cacheWrite(), config.output()),
                         config.tiers().stream()
                               .map(t -> new Rates(t.aboveInputTokens(), t.input(), t.cachedInput(), t.cacheWrite(),
                                                   t.output()))
                               .toList());
    }

    /**
     * What {@code usage} costs, rounded to the nearest micro-dollar: cached input at the cached rate, cache
     * writes at the write rate, the rest of the input at the input rate, output at the output rate.
     */
    public long costMicrosUsd(TokenUsage usage) {
        final Rates rates = ratesFor(usage.inputTokens());
        // Validated prices (<= 1e9 per million) times any real token count stay far below Long.MAX_VALUE.
        final long microsPerMillion = usage.uncachedInputTokens() * rates.input() +
                                      usage.cachedInputTokens() * rates.cachedInput() +
                                      usage.cacheWriteInputTokens() * rates.cacheWrite() +
                                      usage.outputTokens() * rates.output();
        return (microsPerMillion + TOKENS_PER_MILLION / 2) / TOKENS_PER_MILLION;
    }

    /**
     * The most a call of {@code promptTokens} and {@code outputTokens} can cost, rounded up: every prompt
     * token at the highest of the input rates.
     */
    public long maxCostMicrosUsd(long promptTokens, long outputTokens) {
        final Rates rates = ratesFor(promptTokens);
        final long inputRate = Math.max(rates.input(), Math.max(rates.cachedInput(), rates.cacheWrite()));
        return (promptTokens * inputRate + outputTokens * rates.output() + TOKENS_PER_MILLION - 1) /
               TOKENS_PER_MILLION;
    }

    private Rates ratesFor(long inputTokens) {
        Rates chosen = base;
        for (Rates tier : tiers) {
            if (inputTokens > tier.aboveInputTokens()) {
                chosen = tier;
            }
        }
        return chosen;
    }
}
