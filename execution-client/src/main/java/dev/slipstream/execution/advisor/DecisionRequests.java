package dev.slipstream.execution.advisor;

import com.google.protobuf.Timestamp;
import dev.slipstream.api.execution.v1.ExecutionDecisionRequest;
import dev.slipstream.api.execution.v1.ExecutionProgress;
import dev.slipstream.api.execution.v1.OrderType;
import dev.slipstream.api.execution.v1.ParentOrder;
import dev.slipstream.api.execution.v1.ProposedSlice;
import dev.slipstream.api.execution.v1.SafetyLimits;
import dev.slipstream.api.execution.v1.Strategy;
import dev.slipstream.execution.strategy.AdvisorRequest;
import java.time.Instant;

/** Maps what the adaptive strategy asks to the gateway's {@code ExecutionDecisionRequest}. */
final class DecisionRequests {

    private DecisionRequests() {}

    static ExecutionDecisionRequest of(AdvisorRequest request, dev.slipstream.execution.risk.SafetyLimits limits) {
        var parent = request.parent();
        double total = parent.quantity().doubleValue();
        return ExecutionDecisionRequest.newBuilder()
                .setParentOrder(ParentOrder.newBuilder()
                        .setSymbol(parent.symbol())
                        .setSide(AdvisorProtos.side(parent.side()))
                        .setTotalQuantity(total)
                        .setRemainingQuantity(request.unsent())
                        .setDeadline(timestamp(parent.deadline()))
                        .setDecisionPrice(parent.decisionPrice().doubleValue()))
                .setProgress(ExecutionProgress.newBuilder()
                        .setExecutedFraction(request.filled() / total)
                        .setElapsedFraction(Math.clamp(request.elapsedFraction(), 0, 1)))
                .setMarket(AdvisorProtos.market(request.mid(), request.spreadBps(), request.lastBarVolume(),
                        request.volatility()))
                .setProposedSlice(ProposedSlice.newBuilder()
                        .setStrategy(strategy(request.baseStrategy()))
                        .setQuantity(request.baseQuantity())
                        .setOrderType(OrderType.ORDER_TYPE_MARKET))
                .setSafetyLimits(SafetyLimits.newBuilder()
                        .setMaxChildQuantity(limits.maxOrderNotional().doubleValue() / request.mid())
                        .setMaxParticipationRate(limits.maxParticipation())
                        // Children go at market, paying at most half the widest spread the limits let them cross.
                        .setMaxPriceDeviationBps(limits.maxSpreadToCrossBps() / 2))
                .setRequestId(parent.id() + "@" + request.now())
                .build();
    }

    private static Strategy strategy(String name) {
        return switch (name) {
            case "twap" -> Strategy.STRATEGY_TWAP;
            case "vwap" -> Strategy.STRATEGY_VWAP;
            case "is" -> Strategy.STRATEGY_IS;
            case "pov" -> Strategy.STRATEGY_POV;
            default -> Strategy.STRATEGY_UNSPECIFIED;
        };
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
