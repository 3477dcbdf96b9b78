package dev.slipstream.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.googleai.GoogleAiGeminiTokenUsage;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.slipstream.gateway.chat.TokenUsage;
import dev.slipstream.gateway.config.PriceConfig;
import dev.slipstream.gateway.config.PriceConfig.PriceTierConfig;
import dev.slipstream.gateway.cost.Price;

/**
 * Usage as providers really report it (the shapes of recorded responses), normalised to one meaning and
 * priced: cached input at the cached rate, cache writes at the write rate, thinking tokens as output.
 */
class UsagePricingTest {
    private static final PriceConfig GPT_4O = price(2_500_000, 1_250_000, null, 10_000_000);
    private static final PriceConfig GPT_4O_MINI = price(150_000, 75_000, null, 600_000);
    private static final PriceConfig CLAUDE_SONNET = price(3_000_000, 300_000, 3_750_000L, 15_000_000);
    private static final PriceConfig GEMINI_FLASH = price(300_000, 75_000, null, 2_500_000);
    private static final PriceConfig GEMINI_PRO = new PriceConfig(
            "gemini-pro", 1_250_000L, 310_000L, null, 10_000_000L,
            List.of(new PriceTierConfig(200_000L, 2_500_000L, 625_000L, null, 15_000_000L)));

    static Stream<Arguments> recordedUsage() {
        return Stream.of(
                // prompt_tokens 2006 includes prompt_tokens_details.cached_tokens 1920.
                row("OpenAI with cached_tokens", openAi(2006, 1920, 300), GPT_4O,
                    new TokenUsage(2006, 300, 1920, 0), 86 * 2.5 + 1920 * 1.25 + 300 * 10.0, 5615),
                row("OpenAI without prompt_tokens_details", openAi(12, null, 5), GPT_4O_MINI,
                    new TokenUsage(12, 5, 0, 0), 12 * 0.15 + 5 * 0.6, 5),
                // input_tokens 21 excludes cache_creation_input_tokens and cache_read_input_tokens.
                row("Anthropic writing the cache", anthropic(21, 188_086, 0, 393), CLAUDE_SONNET,
                    new TokenUsage(188_107, 393, 0, 188_086), 21 * 3.0 + 188_086 * 3.75 + 393 * 15.0, 711_281),
                row("Anthropic reading the cache", anthropic(21, 0, 188_086, 393), CLAUDE_SONNET,
                    new TokenUsage(188_107, 393, 188_086, 0), 21 * 3.0 + 188_086 * 0.3 + 393 * 15.0, 62_384),
                // promptTokenCount includes cachedContentTokenCount; thoughtsTokenCount is outside
                // candidatesTokenCount and billed as output.
                row("Gemini with cached content and thoughts", gemini(1500, 1024, 200, 350), GEMINI_FLASH,
                    new TokenUsage(1500, 550, 1024, 0), 476 * 0.3 + 1024 * 0.075 + 550 * 2.5, 1595),
                row("Gemini above the long-context tier", gemini(250_000, null, 1000, null), GEMINI_PRO,
                    new TokenUsage(250_000, 1000, 0, 0), 250_000 * 2.5 + 1000 * 15.0, 640_000),
                row("Gemini at the tier's threshold", gemini(200_000, null, 1000, null), GEMINI_PRO,
                    new TokenUsage(200_000, 1000, 0, 0), 200_000 * 1.25 + 1000 * 10.0, 260_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordedUsage")
    void normalisesAndPrices(dev.langchain4j.model.output.TokenUsage reported, PriceConfig price,
                             TokenUsage normalised, double exactMicrosUsd, long costMicrosUsd) {
        final TokenUsage usage = UsageNormalizer.normalize(reported, 0, 0);

        assertThat(usage).isEqualTo(normalised);
        assertThat(costMicrosUsd).as("the exact cost, rounded to the nearest micro-dollar")
                                 .isEqualTo(Math.round(exactMicrosUsd));
        assertThat(Price.of(price).costMicrosUsd(usage)).isEqualTo(costMicrosUsd);
    }

    private static Arguments row(String name, dev.langchain4j.model.output.TokenUsage reported, PriceConfig price,
                                 TokenUsage normalised, double exactMicrosUsd, long costMicrosUsd) {
        return Arguments.of(Named.of(name, reported), price, normalised, exactMicrosUsd, costMicrosUsd);
    }

    private static PriceConfig price(long input, long cachedInput, Long cacheWrite, long output) {
        return new PriceConfig("m", input, cachedInput, cacheWrite, output, null);
    }

    private static OpenAiTokenUsage openAi(int promptTokens, Integer cachedTokens, int completionTokens) {
        final OpenAiTokenUsage.Builder builder = OpenAiTokenUsage.builder().inputTokenCount(promptTokens)
                                                                 .outputTokenCount(completionTokens);
        if (cachedTokens != null) {
            builder.inputTokensDetails(OpenAiTokenUsage.InputTokensDetails.builder().cachedTokens(cachedTokens)
                                                                          .build());
        }
        return builder.build();
    }

    private static AnthropicTokenUsage anthropic(int inputTokens, int cacheCreation, int cacheRead, int output) {
        return AnthropicTokenUsage.builder().inputTokenCount(inputTokens).cacheCreationInputTokens(cacheCreation)
                                  .cacheReadInputTokens(cacheRead).outputTokenCount(output).build();
    }

    private static GoogleAiGeminiTokenUsage gemini(int prompt, Integer cached, int candidates, Integer thoughts) {
        return GoogleAiGeminiTokenUsage.builder().inputTokenCount(prompt).cachedContentTokenCount(cached)
                                       .outputTokenCount(candidates).thoughtsTokenCount(thoughts).build();
    }
}
