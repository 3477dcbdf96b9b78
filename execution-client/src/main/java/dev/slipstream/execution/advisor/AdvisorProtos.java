package dev.slipstream.execution.advisor;

import dev.slipstream.api.execution.v1.MarketState;
import dev.slipstream.api.execution.v1.Side;
import dev.slipstream.api.execution.v1.Source;
import dev.slipstream.execution.strategy.DecisionSource;

/** Proto values both advisor requests share. */
final class AdvisorProtos {

    private static final double MINUTES_PER_HOUR = 60;
    private static final double MINUTES_PER_DAY = 1440;

    private AdvisorProtos() {}

    static Side side(dev.slipstream.execution.order.Side side) {
        return switch (side) {
            case BUY -> Side.SIDE_BUY;
            case SELL -> Side.SIDE_SELL;
        };
    }

    /**
     * The market from one-minute bars: the last bar's volume at an hourly rate stands in for the hour, and the
     * one-bar volatility is scaled by √(minutes per day) to a daily one.
     */
    static MarketState.Builder market(double mid, double spreadBps, double lastBarVolume, double oneBarVolatility) {
        return MarketState.newBuilder()
                .setMidPrice(mid)
                .setSpreadBps(spreadBps)
                .setVolumeLastHour(lastBarVolume * MINUTES_PER_HOUR)
                .setDailyVolatility(oneBarVolatility * Math.sqrt(MINUTES_PER_DAY));
    }

    /**
     * Who answered: the model, first or repaired.
     *
     * @throws GatewayBaselineException when the gateway could only offer its baseline
     */
    static DecisionSource source(Source source, String baselineReason) {
        return switch (source) {
            case SOURCE_MODEL -> DecisionSource.MODEL;
            case SOURCE_REPAIRED -> DecisionSource.REPAIRED;
            case SOURCE_BASELINE, SOURCE_UNSPECIFIED, UNRECOGNIZED -> throw new GatewayBaselineException(baselineReason);
        };
    }
}
