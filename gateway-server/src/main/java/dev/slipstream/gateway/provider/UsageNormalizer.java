package dev.slipstream.gateway.provider;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.googleai.GoogleAiGeminiTokenUsage;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.slipstream.gateway.chat.TokenUsage;

/**
 * Brings providers' usage reports to one meaning: {@code inputTokens} counts every prompt token, and
 * {@code cachedInputTokens} is the part of it read from a prompt cache; {@code outputTokens} counts every
 * generated token billed as output.
 *
 * {@code cacheWriteInputTokens} is the part written to it (Anthropic's {@code cache_creation_input_tokens}).
 *
 * <p>OpenAI reports cached tokens inside {@code prompt_tokens}; Anthropic reports
 * {@code cache_read_input_tokens} and {@code cache_creation_input_tokens} outside {@code input_tokens};
 * Gemini reports {@code cachedContentTokenCount} inside {@code promptTokenCount}, and its
 * {@code thoughtsTokenCount} (billed as output) outside {@code candidatesTokenCount}.
 */
final class UsageNormalizer {
    private UsageNormalizer() {}

    /** {@code countedInput}/{@code countedOutput} stand in for what the provider did not report. */
    static TokenUsage normalize(@Nullable dev.langchain4j.model.output.TokenUsage usage, long countedInput,
                                long countedOutput) {
        final Integer reportedInput = usage == null ? null : usage.inputTokenCount();
        final Integer reportedOutput = usage == null ? null : usage.outputTokenCount();
        long input = reportedInput != null ? reportedInput : countedInput;
        long output = reportedOutput != null ? reportedOutput : countedOutput;
        long cached = 0;
        long cacheWrite = 0;
        if (usage instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null) {
            cached = orZero(openAi.inputTokensDetails().cachedTokens());
        } else if (usage instanceof AnthropicTokenUsage anthropic) {
            cached = orZero(anthropic.cacheReadInputTokens());
            cacheWrite = orZero(anthropic.cacheCreationInputTokens());
            input += cached + cacheWrite;
        } else if (usage instanceof GoogleAiGeminiTokenUsage gemini) {
            cached = orZero(gemini.cachedContentTokenCount());
            output += orZero(gemini.thoughtsTokenCount());
        }
        cached = Math.min(cached, input);
        return new TokenUsage(input, output, cached, Math.min(cacheWrite, input - cached));
    }

    private static long orZero(@Nullable Integer value) {
        return value == null ? 0 : value;
    }
}
