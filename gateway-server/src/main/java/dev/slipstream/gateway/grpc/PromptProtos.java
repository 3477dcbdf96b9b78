package dev.slipstream.gateway.grpc;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.slipstream.api.gateway.v1.GetPromptResponse;
import dev.slipstream.api.gateway.v1.InvokePromptResponse;
import dev.slipstream.api.gateway.v1.PromptSummary;
import dev.slipstream.api.gateway.v1.PromptVariable;
import dev.slipstream.api.gateway.v1.Source;
import dev.slipstream.gateway.prompt.PromptAnswer;
import dev.slipstream.prompts.PromptTemplate;
import dev.slipstream.prompts.VariableSpec;

/** Maps prompt templates and answers to the {@code slipstream.gateway.v1} prompt protos. */
final class PromptProtos {
    private PromptProtos() {}

    static PromptSummary summary(List<PromptTemplate> versions) {
        final PromptTemplate newest = versions.getLast();
        return PromptSummary.newBuilder()
                            .setPromptId(newest.id())
                            .setDescription(newest.description())
                            .setNewestVersion(newest.version())
                            .addAllVersions(versions.stream().map(PromptTemplate::version).toList())
                            .build();
    }

    static GetPromptResponse details(PromptTemplate template, List<PromptTemplate> versions) {
        final GetPromptResponse.Builder response =
                GetPromptResponse.newBuilder()
                                 .setPromptId(template.id())
                                 .setVersion(template.version())
                                 .setDescription(template.description())
                                 .addAllVersions(versions.stream().map(PromptTemplate::version).toList())
                                 .setModel(template.model())
                                 .setOutputSchema(StructJson.toStruct(template.outputSchema()))
                                 .setBaselineDescription(template.baseline().description());
        for (Map.Entry<String, VariableSpec> variable : template.variables().entrySet()) {
            final VariableSpec spec = variable.getValue();
            response.addVariables(PromptVariable.newBuilder()
                                                .setName(variable.getKey())
                                                .setType(spec.type().name().toLowerCase(Locale.ROOT))
                                                .setRequired(spec.required())
                                                .setDescription(spec.description()));
        }
        return response.build();
    }

    static InvokePromptResponse invokeResponse(PromptAnswer answer) {
        final InvokePromptResponse.Builder response =
                InvokePromptResponse.newBuilder()
                                    .setPromptId(answer.template().id())
                                    .setVersion(answer.template().version())
                                    .setRawText(answer.rawText())
                                    .setSource(switch (answer.source()) {
                                        case MODEL -> Source.SOURCE_MODEL;
                                        case REPAIRED -> Source.SOURCE_REPAIRED;
                                        case BASELINE -> Source.SOURCE_BASELINE;
                                    })
                                    .setBaselineReason(answer.baselineReason())
                                    .setBaselineDescription(answer.template().baseline().description())
                                    .addAllViolations(answer.violations())
                                    .setUsage(ChatProtos.toProto(answer.usage()))
                                    .setCostMicrosUsd(answer.costMicrosUsd())
                                    .setModelCalls(answer.modelCalls())
                                    .setProvider(answer.provider())
                                    .setProviderModel(answer.providerModel());
        if (answer.output() != null) {
            response.setOutput(StructJson.toStruct(answer.output()));
        }
        return response.build();
    }
}
