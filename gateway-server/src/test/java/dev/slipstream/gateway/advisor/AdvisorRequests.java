package dev.slipstream.gateway.advisor;

import com.google.protobuf.Timestamp;

import dev.slipstream.api.execution.v1.BaseImpactEstimate;
import dev.slipstream.api.execution.v1.ExecutionAction;
import dev.slipstream.api.execution.v1.ExecutionDecisionRequest;
import dev.slipstream.api.execution.v1.ExecutionProgress;
import dev.slipstream.api.execution.v1.ImpactAdjustmentRequest;
import dev.slipstream.api.execution.v1.ImpactModel;
import dev.slipstream.api.execution.v1.ImpactOrder;
import dev.slipstream.api.execution.v1.MarketState;
import dev.slipstream.api.execution.v1.OrderType;
import dev.slipstream.api.execution.v1.ParentOrder;
import dev.slipstream.api.execution.v1.PreviousDecision;
import dev.slipstream.api.execution.v1.ProposedSlice;
import dev.slipstream.api.execution.v1.SafetyLimits;
import dev.slipstream.api.execution.v1.Side;
import dev.slipstream.api.execution.v1.Strategy;
import dev.slipstream.api.execution.v1.Trade;

/** The shipped templates' examples as typed requests, and answers a model could give to them. */
public final class AdvisorRequests {
    /** A valid answer to {@link #decision()}: 30 at a limit 0.1 below mid, within every limit. */
    public static final String VALID_DECISION = """
            {"action": "ACCELERATE", "quantity": 30, "order_type": "LIMIT", "limit_price": 2598.1,
             "wait_seconds": null, "rate_multiplier": 1.4, "confidence": 0.65,
             "reasoning": "Behind schedule while the price drifts against the sale.",
             "risk_assessment": "A faster pace pays more impact if the price rebounds."}""";
    /** A valid answer to {@link #impact()}. */
    public static final String VALID_IMPACT = """
            {"adjustment_factor": 1.3, "factor_low": 1.1, "factor_high": 1.6, "adjusted_impact_bps": 6.37,
             "confidence": 0.6, "reasoning": "The ask side is thin and the spread wide."}""";

    private AdvisorRequests() {}

    public static MarketState market() {
        return MarketState.newBuilder()
                          .setMidPrice(2598.2).setSpreadBps(0.9)
                          .setBestBidSize(48).setBestAskSize(35)
                          .setBidDepth10Bps(610).setAskDepth10Bps(540)
                          .setVolumeLastHour(9800).setAverageDailyVolume(310_000)
                          .setDailyVolatility(0.034)
                          .setFundingRate(0.0001)
                          .addRecentTrades(Trade.newBuilder().setPrice(2598.1).setSize(12.5)
                                                .setTakerSide(Side.SIDE_SELL).setAgeSeconds(2))
                          .build();
    }

    /** Selling 260 of 400 ETH, behind schedule; proposed: 20 at a limit; at most 40 per child, 30 bps from mid. */
    public static ExecutionDecisionRequest decision() {
        return ExecutionDecisionRequest.newBuilder()
                .setParentOrder(ParentOrder.newBuilder()
                                           .setSymbol("ETHUSDT").setSide(Side.SIDE_SELL)
                                           .setTotalQuantity(400).setRemainingQuantity(260)
                                           .setDeadline(Timestamp.newBuilder().setSeconds(1_748_874_600))
                                           .setDecisionPrice(2610.5))
                .setProgress(ExecutionProgress.newBuilder()
                                              .setExecutedFraction(0.35).setElapsedFraction(0.5)
                                              .setVwapSoFar(2607.9).setImplementationShortfallBps(10))
                .setMarket(market())
                .setProposedSlice(ProposedSlice.newBuilder()
                                               .setStrategy(Strategy.STRATEGY_TWAP).setQuantity(20)
                                               .setOrderType(OrderType.ORDER_TYPE_LIMIT).setLimitPrice(2598.3))
                .setSafetyLimits(SafetyLimits.newBuilder()
                                             .setMaxChildQuantity(40).setMaxParticipationRate(0.1)
                                             .setMaxPriceDeviationBps(30))
                .addContextLines("ETH staking withdrawals queue shortens")
                .addPreviousDecisions(PreviousDecision.newBuilder()
                                                      .setDecidedAt(Timestamp.newBuilder().setSeconds(1_748_872_680))
                                                      .setAction(ExecutionAction.EXECUTION_ACTION_PASSIVE)
                                                      .setQuantity(20)
                                                      .setReasoning("Spread tight; resting at the ask."))
                .setRequestId("decision-test")
                .build();
    }

    /** Buying 12 BTC over 30 minutes against a square-root estimate of 4.9 bps. */
    public static ImpactAdjustmentRequest impact() {
        return ImpactAdjustmentRequest.newBuilder()
                .setOrder(ImpactOrder.newBuilder()
                                     .setSymbol("BTCUSDT").setSide(Side.SIDE_BUY).setQuantity(12)
                                     .setNotionalUsd(780_000).setTimeLeftSeconds(1800))
                .setMarket(market().toBuilder().clearRecentTrades())
                .setBaseEstimate(BaseImpactEstimate.newBuilder()
                                                   .setImpactBps(4.9).setModel(ImpactModel.IMPACT_MODEL_SQUARE_ROOT))
                .addContextLines("Spot bitcoin ETFs record third straight day of inflows")
                .setRequestId("impact-test")
                .build();
    }
}
