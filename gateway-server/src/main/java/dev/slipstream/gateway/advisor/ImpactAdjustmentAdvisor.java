package dev.slipstream.gateway.advisor;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.slipstream.api.execution.v1.AdvisorCall;
import dev.slipstream.api.execution.v1.ImpactAdjustmentRequest;
import dev.slipstream.api.execution.v1.ImpactAdjustmentResponse;
import dev.slipstream.api.execution.v1.ImpactOrder;
import dev.slipstream.api.execution.v1.Source;
import dev.slipstream.gateway.prompt.OutputCheck;
import dev.slipstream.gateway.prompt.PromptAnswer;

/** ImpactAdjustment over the {@code impact-adjustment} template. */
public final class ImpactAdjustmentAdvisor {
    public static final String PROMPT_ID = "impact-adjustment";

    private static final String BASELINE_REASONING =
            "Baseline: adjustment factor 1.0, the base model's estimate unadjusted.";

    private ImpactAdjustmentAdvisor() {}

    public static JsonNode variables(ImpactAdjustmentRequest request) {
        final ImpactOrder order = request.getOrder();
        final ObjectNode variables = AdvisorVariables.object();
        variables.set("order", AdvisorVariables.object()
                                               .put("symbol", order.getSymbol())
                                               .put("side", AdvisorVariables.enumValue(order.getSide(), "SIDE_"))
                                               .put("quantity", order.getQuantity())
                                               .put("notional_usd", order.getNotionalUsd())
                                               .put("time_left_seconds", order.getTimeLeftSeconds()));
        variables.set("market", AdvisorVariables.market(request.getMarket(), false));
        variables.set("base_estimate",
                      AdvisorVariables.object()
                                      .put("impact_bps", request.getBaseEstimate().getImpactBps())
                                      .put("model", AdvisorVariables.enumValue(request.getBaseEstimate().getModel(),
                                                                               "IMPACT_MODEL_")
                                                                    .toLowerCase(Locale.ROOT)));
        variables.set("context_lines", AdvisorVariables.strings(request.getContextLinesList()));
        return variables;
    }

    /** The band must contain the factor; the schema and bounds cover the rest. */
    public static OutputCheck check() {
        return output -> {
            final double factor = output.get("adjustment_factor").doubleValue();
            final double low = output.get("factor_low").doubleValue();
            final double high = output.get("factor_high").doubleValue();
            if (low <= factor && factor <= high) {
                return List.of();
            }
            return List.of("factor_low, factor_high: [" + low + ", " + high + "] (expected: factor_low <= " +
                           "adjustment_factor (" + factor + ") <= factor_high)");
        };
    }

    public static ImpactAdjustmentResponse response(ImpactAdjustmentRequest request, PromptAnswer answer) {
        final JsonNode output = answer.output();
        if (output == null) {
            return baseline(request, answer.baselineReason(), answer.violations(), AdvisorCalls.of(answer));
        }
        final double factor = output.get("adjustment_factor").doubleValue();
        return ImpactAdjustmentResponse.newBuilder()
                                       .setAdjustmentFactor(factor)
                                       .setFactorLow(output.get("factor_low").doubleValue())
                                       .setFactorHigh(output.get("factor_high").doubleValue())
                                       // Computed here, not taken from the model.
                                       .setAdjustedImpactBps(request.getBaseEstimate().getImpactBps() * factor)
                                       .setConfidence(output.get("confidence").doubleValue())
                                       .setReasoning(output.get("reasoning").asText())
                                       .setSource(AdvisorCalls.source(answer))
                                       .addAllViolations(answer.violations())
                                       .setCall(AdvisorCalls.of(answer))
                                       .build();
    }

    /** Factor 1.0 with a zero-width band: the base estimate, unadjusted. */
    /** The baseline when the template is not loaded, so no model was asked. */
    public static ImpactAdjustmentResponse withoutPrompt(ImpactAdjustmentRequest request, String reason) {
        return baseline(request, reason, List.of(), AdvisorCalls.notInvoked(PROMPT_ID));
    }

    private static ImpactAdjustmentResponse baseline(ImpactAdjustmentRequest request, String reason,
                                                    List<String> violations, AdvisorCall call) {
        return ImpactAdjustmentResponse.newBuilder()
                                       .setAdjustmentFactor(1.0)
                                       .setFactorLow(1.0)
                                       .setFactorHigh(1.0)
                                       .setAdjustedImpactBps(request.getBaseEstimate().getImpactBps())
                                       .setConfidence(0)
                                       .setReasoning(BASELINE_REASONING)
                                       .setSource(Source.SOURCE_BASELINE)
                                       .setBaselineReason(reason)
                                       .addAllViolations(violations)
                                       .setCall(call)
                                       .build();
    }
}
