package dev.slipstream.execution.advisor;

import dev.slipstream.api.execution.v1.BaseImpactEstimate;
import dev.slipstream.api.execution.v1.ImpactAdjustmentRequest;
import dev.slipstream.api.execution.v1.ImpactModel;
import dev.slipstream.api.execution.v1.ImpactOrder;
import dev.slipstream.execution.strategy.ImpactQuestion;

/** Maps what the impact-adaptive strategy asks to the gateway's {@code ImpactAdjustmentRequest}. */
final class ImpactRequests {

    private ImpactRequests() {}

    static ImpactAdjustmentRequest of(ImpactQuestion question) {
        var parent = question.parent();
        return ImpactAdjustmentRequest.newBuilder()
                .setOrder(ImpactOrder.newBuilder()
                        .setSymbol(parent.symbol())
                        .setSide(AdvisorProtos.side(parent.side()))
                        .setQuantity(question.unsent())
                        .setNotionalUsd(question.unsent() * question.mid())
                        .setTimeLeftSeconds(question.timeLeft().toMillis() / 1000.0))
                .setMarket(AdvisorProtos.market(question.mid(), question.spreadBps(), question.lastBarVolume(),
                        question.volatility()))
                .setBaseEstimate(BaseImpactEstimate.newBuilder()
                        .setImpactBps(question.baseImpactBps())
                        .setModel(ImpactModel.IMPACT_MODEL_ALMGREN_CHRISS))
                .setRequestId(parent.id() + "@" + question.now())
                .build();
    }
}
