package dev.slipstream.gateway.advisor;

import dev.slipstream.api.execution.v1.AdvisorCall;
import dev.slipstream.api.execution.v1.Source;
import dev.slipstream.gateway.prompt.PromptAnswer;

/** The parts of an advisor reply that describe how the model was asked. */
final class AdvisorCalls {
    private AdvisorCalls() {}

    static AdvisorCall of(PromptAnswer answer) {
        return AdvisorCall.newBuilder()
                          .setPromptId(answer.template().id())
                          .setPromptVersion(answer.template().version())
                          .setModelCalls(answer.modelCalls())
                          .setProvider(answer.provider())
                          .setProviderModel(answer.providerModel())
                          .setInputTokens(answer.usage().inputTokens())
                          .setOutputTokens(answer.usage().outputTokens())
                          .setCostMicrosUsd(answer.costMicrosUsd())
                          .build();
    }

    /** For a prompt that is not loaded: nothing was asked. */
    static AdvisorCall notInvoked(String promptId) {
        return AdvisorCall.newBuilder().setPromptId(promptId).build();
    }

    static Source source(PromptAnswer answer) {
        return switch (answer.source()) {
            case MODEL -> Source.SOURCE_MODEL;
            case REPAIRED -> Source.SOURCE_REPAIRED;
            case BASELINE -> Source.SOURCE_BASELINE;
        };
    }
}
