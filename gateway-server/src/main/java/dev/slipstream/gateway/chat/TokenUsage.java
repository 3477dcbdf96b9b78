package dev.slipstream.gateway.chat;

/**
 * Tokens of one call.
 *
 * @param inputTokens every prompt token, however the provider billed it
 * @param cachedInputTokens the part of {@code inputTokens} read from the provider's prompt cache
 * @param cacheWriteInputTokens the part of {@code inputTokens} written to the provider's prompt cache
 *                              (Anthropic bills these at their own rate)
 */
public record TokenUsage(long inputTokens, long outputTokens, long cachedInputTokens, long cacheWriteInputTokens) {
    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0);

    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0 || cachedInputTokens < 0 || cacheWriteInputTokens < 0 ||
            cachedInputTokens + cacheWriteInputTokens > inputTokens) {
            throw new IllegalArgumentException("inconsistent token counts: input " + inputTokens + ", output " +
                                               outputTokens + ", cached " + cachedInputTokens + ", cache write " +
                                               cacheWriteInputTokens);
        }
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    /** Input tokens billed at the plain input rate. */
    public long uncachedInputTokens() {
        return inputTokens - cachedInputTokens - cacheWriteInputTokens;
    }
}
