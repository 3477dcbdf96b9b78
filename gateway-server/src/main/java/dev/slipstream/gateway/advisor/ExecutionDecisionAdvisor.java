package dev.slipstream.gateway.advisor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Timestamp;

import dev.slipstream.api.execution.v1.AdvisorCall;
import dev.slipstream.api.execution.v1.ExecutionAction;
import dev.slipstream.api.execution.v1.ExecutionDecisionRequest;
import dev.slipstream.api.execution.v1.ExecutionDecisionResponse;
import dev.slipstream.api.execution.v1.ExecutionProgress;
import dev.slipstream.api.execution.v1.OrderType;
import dev.slipstream.api.execution.v1.ParentOrder;
import dev.slipstream.api.execution.v1.PreviousDecision;
import dev.slipstream.api.execution.v1.ProposedSlice;
import dev.slipstream.api.execution.v1.SafetyLimits;
import dev.slipstream.api.execution.v1.Source;
import dev.slipstream.gateway.prompt.OutputCheck;
import dev.slipstream.gateway.prompt.PromptAnswer;

/** ExecutionDecision over the {@code execution-decision} template. */
public final class ExecutionDecisionAdvisor {
    public static final String PROMPT_ID = "execution-decision";

    private static final double BPS = 10_000;
    private static final String BASELINE_REASONING =
            "Baseline: the base strategy's proposed slice, sent as proposed, with no change of pace.";
    private static final String BASELINE_RISK = "The base schedule ignores conditions the strategy cannot see.";

    private ExecutionDecisionAdvisor() {}

    public static JsonNode variables(ExecutionDecisionRequest request) {
        final ParentOrder order = request.getParentOrder();
        final ExecutionProgress progress = request.getProgress();
        final ProposedSlice slice = request.getProposedSlice();
        final SafetyLimits limits = request.getSafetyLimits();
        final ObjectNode variables = AdvisorVariables.object();
        variables.set("parent_order",
                      AdvisorVariables.object()
                                      .put("symbol", order.getSymbol())
                                      .put("side", AdvisorVariables.enumValue(order.getSide(), "SIDE_"))
                                      .put("total_quantity", order.getTotalQuantity())
                                      .put("remaining_quantity", order.getRemainingQuantity())
                                      .put("deadline", instant(order.getDeadline()))
                                      .put("decision_price", order.getDecisionPrice()));
        final ObjectNode progressNode = AdvisorVariables.object()
                                                        .put("executed_fraction", progress.getExecutedFraction())
                                                        .put("elapsed_fraction", progress.getElapsedFraction())
                                                        .put("implementation_shortfall_bps",
                                                             progress.getImplementationShortfallBps());
        if (progress.hasVwapSoFar()) {
            progressNode.put("vwap_so_far", progress.getVwapSoFar());
        }
        variables.set("progress", progressNode);
        variables.set("market", AdvisorVariables.market(request.getMarket(), true));
        final ObjectNode sliceNode =
                AdvisorVariables.object()
                                .put("strategy", AdvisorVariables.enumValue(slice.getStrategy(), "STRATEGY_"))
                                .put("quantity", slice.getQuantity())
                                .put("order_type", AdvisorVariables.enumValue(slice.getOrderType(), "ORDER_TYPE_"));
        if (slice.hasLimitPrice()) {
            sliceNode.put("limit_price", slice.getLimitPrice());
        }
        variables.set("proposed_slice", sliceNode);
        variables.set("safety_limits", AdvisorVariables.object()
                                                       .put("max_child_quantity", limits.getMaxChildQuantity())
                                                       .put("max_participation_rate", limits.getMaxParticipationRate())
                                                       .put("max_price_deviation_bps",
                                                            limits.getMaxPriceDeviationBps()));
        variables.set("context_lines", AdvisorVariables.strings(request.getContextLinesList()));
        final ArrayNode previous = variables.putArray("previous_decisions");
        for (PreviousDecision decision : request.getPreviousDecisionsList()) {
            final ObjectNode node = AdvisorVariables.object()
                                                    .put("at", instant(decision.getDecidedAt()))
                                                    .put("action", AdvisorVariables.enumValue(
                                                            decision.getAction(), "EXECUTION_ACTION_"))
                                                    .put("quantity", decision.getQuantity());
            if (!decision.getReasoning().isEmpty()) {
                node.put("reasoning", decision.getReasoning());
            }
            previous.add(node);
        }
        return variables;
    }

    /**
     * The answer must fit this order: no more than remains, the child limit and the participation limit, and
     * a limit price near mid.
     */
    public static OutputCheck check(ExecutionDecisionRequest request) {
        final double remaining = request.getParentOrder().getRemainingQuantity();
        final SafetyLimits limits = request.getSafetyLimits();
        final double mid = request.getMarket().getMidPrice();
        return output -> {
            final List<String> problems = new ArrayList<>();
            final double quantity = output.get("quantity").doubleValue();
            if (quantity > remaining) {
                problems.add("quantity: " + quantity + " (expected: <= parent_order.remaining_quantity, " +
                             remaining + ')');
            }
            if (quantity > limits.getMaxChildQuantity()) {
                problems.add("quantity: " + quantity + " (expected: <= safety_limits.max_child_quantity, " +
                             limits.getMaxChildQuantity() + ')');
            }
            final double participationCap = participationCap(request);
            if (quantity > participationCap) {
                problems.add("quantity: " + quantity + " (expected: <= safety_limits.max_participation_rate × " +
                             "market.volume_last_hour, " + participationCap + ')');
            }
            final JsonNode limitPrice = output.get("limit_price");
            if (limitPrice.isNumber() && mid > 0) {
                final double deviationBps = Math.abs(limitPrice.doubleValue() - mid) / mid * BPS;
                if (deviationBps > limits.getMaxPriceDeviationBps()) {
                    problems.add("limit_price: " + limitPrice.doubleValue() + " is " +
                                 Math.round(deviationBps * 10) / 10.0 + " bps from mid " + mid +
                                 " (expected: within safety_limits.max_price_deviation_bps, " +
                                 limits.getMaxPriceDeviationBps() + ')');
                }
            }
            return problems;
        };
    }

    public static ExecutionDecisionResponse response(ExecutionDecisionRequest request, PromptAnswer answer) {
        final JsonNode output = answer.output();
        if (output == null) {
            return baseline(request, answer.baselineReason(), answer.violations(), AdvisorCalls.of(answer));
        }
        final ExecutionDecisionResponse.Builder response =
                ExecutionDecisionResponse.newBuilder()
                                         .setAction(ExecutionAction.valueOf(
                                                 "EXECUTION_ACTION_" + output.get("action").asText()))
                                         .setQuantity(output.get("quantity").doubleValue())
                                         .setOrderType(OrderType.valueOf(
                                                 "ORDER_TYPE_" + output.get("order_type").asText()))
                                         .setConfidence(output.get("confidence").doubleValue())
                                         .setReasoning(output.get("reasoning").asText())
                                         .setRiskAssessment(output.get("risk_assessment").asText())
                                         .setSource(AdvisorCalls.source(answer))
                                         .addAllAdjustments(answer.violations())
                                         .setCall(AdvisorCalls.of(answer));
        if (output.get("limit_price").isNumber()) {
            response.setLimitPrice(output.get("limit_price").doubleValue());
        }
        if (output.get("wait_seconds").isNumber()) {
            response.setWaitSeconds(output.get("wait_seconds").intValue());
        }
        if (output.get("rate_multiplier").isNumber()) {
            response.setRateMultiplier(output.get("rate_multiplier").doubleValue());
        }
        return response.build();
    }

    /**
     * The proposed slice as proposed: AGGRESSIVE for a market order, PASSIVE for a resting one, its quantity
     * capped at what remains and at the child limit (each cap listed in the adjustments).
     */
    /** The baseline when the template is not loaded, so no model was asked. */
    public static ExecutionDecisionResponse withoutPrompt(ExecutionDecisionRequest request, String reason) {
        return baseline(request, reason, List.of(), AdvisorCalls.notInvoked(PROMPT_ID));
    }

    private static ExecutionDecisionResponse baseline(ExecutionDecisionRequest request, String reason,
                                                     List<String> violations, AdvisorCall call) {
        final ProposedSlice slice = request.getProposedSlice();
        final List<String> adjustments = new ArrayList<>(violations);
        double quantity = slice.getQuantity();
        final double remaining = request.getParentOrder().getRemainingQuantity();
        if (quantity > remaining) {
            adjustments.add("baseline: quantity " + quantity + " capped at parent_order.remaining_quantity " +
                            remaining);
            quantity = remaining;
        }
        final double maxChild = request.getSafetyLimits().getMaxChildQuantity();
        if (quantity > maxChild) {
            adjustments.add("baseline: quantity " + quantity + " capped at safety_limits.max_child_quantity " +
                            maxChild);
            quantity = maxChild;
        }
        final double participationCap = participationCap(request);
        if (quantity > participationCap) {
            adjustments.add("baseline: quantity " + quantity + " capped at safety_limits.max_participation_rate × " +
                            "market.volume_last_hour " + participationCap);
            quantity = participationCap;
        }
        final ExecutionDecisionResponse.Builder response =
                ExecutionDecisionResponse.newBuilder()
                                         .setAction(slice.getOrderType() == OrderType.ORDER_TYPE_MARKET
                                                    ? ExecutionAction.EXECUTION_ACTION_AGGRESSIVE
                                                    : ExecutionAction.EXECUTION_ACTION_PASSIVE)
                                         .setQuantity(quantity)
                                         .setOrderType(slice.getOrderType())
                                         .setConfidence(0)
                                         .setReasoning(BASELINE_REASONING)
                                         .setRiskAssessment(BASELINE_RISK)
                                         .setSource(Source.SOURCE_BASELINE)
                                         .setBaselineReason(reason)
                                         .addAllAdjustments(adjustments)
                                         .setCall(call);
        if (slice.hasLimitPrice()) {
            response.setLimitPrice(slice.getLimitPrice());
        }
        return response.build();
    }

    /**
     * The most one child may trade: the participation limit applied to the last hour's volume, a bound no
     * single slice should exceed; none when the volume is not given (0).
     */
    private static double participationCap(ExecutionDecisionRequest request) {
        final double volume = request.getMarket().getVolumeLastHour();
        return volume > 0 ? request.getSafetyLimits().getMaxParticipationRate() * volume : Double.POSITIVE_INFINITY;
    }

    private static String instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).toString();
    }
}
