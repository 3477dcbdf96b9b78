package dev.slipstream.gateway.prompt;

import static java.util.Objects.requireNonNull;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.chat.TokenUsage;
import dev.slipstream.prompts.PromptTemplate;

/**
 * The outcome of invoking a prompt.
 *
 * @param template the version that was invoked
 * @param output the validated output; null when {@code source} is {@link Source#BASELINE}
 * @param rawText the model's last answer as it arrived; empty when no model answered
 * @param baselineReason why the baseline was served; empty otherwise
 * @param violations every problem found in the model's answers, each prefixed with its attempt
 * @param usage summed over every model call
 * @param modelCalls calls started, answered or not: 0 when the baseline was served without one
 * @param provider the configured provider of the last answer; empty when none answered
 */
public record PromptAnswer(PromptTemplate template, @Nullable JsonNode output, String rawText, Source source,
                           String baselineReason, List<String> violations, TokenUsage usage, long costMicrosUsd,
                           int modelCalls, String provider, String providerModel) {
    public PromptAnswer {
        requireNonNull(template, "template");
        requireNonNull(rawText, "rawText");
        requireNonNull(source, "source");
        requireNonNull(baselineReason, "baselineReason");
        violations = List.copyOf(violations);
        requireNonNull(usage, "usage");
        requireNonNull(provider, "provider");
        requireNonNull(providerModel, "providerModel");
    }
}
