package dev.slipstream.gateway.chat;

/**
 * Tokens of one call.
 *
 * @param cachedInputTokens the part of {@code inputTokens} served from the provider's prompt cache
 */
public record TokenUsage(long inputTokens, long outputTokens, long cachedInputTokens) {
    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0);

    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0 || cachedInputTokens < 0) {
            throw new IllegalArgumentException("negative token count: " + inputTokens + '/' + outputTokens +
                                               '/' + cachedInputTokens);
        }
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
