package dev.slipstream.execution.advisor;

import dev.slipstream.api.execution.v1.ExecutionDecisionResponse;
import dev.slipstream.execution.strategy.AdvisorAction;
import dev.slipstream.execution.strategy.AdvisorDecision;
import dev.slipstream.execution.strategy.DecisionSource;

/** Maps the gateway's {@code ExecutionDecisionResponse} to what the adaptive strategy understands. */
final class DecisionAnswers {

    private static final String ACTION_PREFIX = "EXECUTION_ACTION_";

    private DecisionAnswers() {}

    /**
     * The answer of a model, first or repaired. AGGRESSIVE and PASSIVE name a quantity to send now (this engine
     * places every child at market); WAIT sends nothing. CANCEL, or anything else, is passed on under its own name,
     * which the strategy does not know and so falls back: cancelling a parent order stays with the trader.
     *
     * @throws GatewayBaselineException when the gateway could only offer its baseline
     */
    static AdvisorDecision of(ExecutionDecisionResponse response, double baseQuantity) {
        DecisionSource source = AdvisorProtos.source(response.getSource(), response.getBaselineReason());
        String gatewayAction = response.getAction().name().replace(ACTION_PREFIX, "");
        String action = switch (response.getAction()) {
            case EXECUTION_ACTION_AGGRESSIVE, EXECUTION_ACTION_PASSIVE -> paceOf(response.getQuantity(), baseQuantity);
            case EXECUTION_ACTION_ACCELERATE -> AdvisorAction.ACCELERATE.name();
            case EXECUTION_ACTION_DECELERATE -> AdvisorAction.DECELERATE.name();
            case EXECUTION_ACTION_WAIT -> AdvisorAction.PAUSE.name();
            default -> gatewayAction;
        };
        return new AdvisorDecision(action, response.getQuantity(), 1.0, response.getConfidence(),
                gatewayAction + ": " + response.getReasoning(), source);
    }

    private static String paceOf(double quantity, double baseQuantity) {
        int pace = Double.compare(quantity, baseQuantity);
        return (pace > 0 ? AdvisorAction.ACCELERATE : pace < 0 ? AdvisorAction.DECELERATE : AdvisorAction.CONTINUE)
                .name();
    }
}
