package dev.slipstream.execution.cli;

import dev.slipstream.execution.impact.MarketConditions;
import dev.slipstream.execution.impact.PowerLawImpact;
import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.strategy.AdaptiveStrategy;
import dev.slipstream.execution.strategy.ExecutionStrategy;
import dev.slipstream.execution.strategy.ImpactAdaptiveShortfall;
import dev.slipstream.execution.strategy.ImplementationShortfallSchedule;
import dev.slipstream.execution.strategy.PovStrategy;
import dev.slipstream.execution.strategy.ScheduleFollowingStrategy;
import dev.slipstream.execution.strategy.ShortfallCoefficients;
import dev.slipstream.execution.strategy.TwapSchedule;
import dev.slipstream.execution.strategy.VolumeProfile;
import dev.slipstream.execution.strategy.VwapSchedule;
import dev.slipstream.execution.venue.Bar;
import dev.slipstream.execution.venue.bybit.KlineStats;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Builds the named strategy for a live parent order from the venue's recent one-minute klines (oldest first):
 * VWAP's volume curve, and for IS the Almgren–Chriss model fitted to the square-root law at the order's scale.
 */
final class LiveStrategies {

    static final List<String> NAMES = List.of("twap", "vwap", "is", "pov", "adaptive", ImpactAdaptiveShortfall.NAME);
    /** How often adaptive-is asks the gateway whether the market still fits its impact model. */
    private static final Duration IMPACT_REFRESH = Duration.ofMinutes(5);
    private static final double SQUARE_ROOT_Y = 0.7;
    private static final double PERMANENT_SHARE = 0.5;
    private static final double MINUTES_PER_DAY = 1440;

    private LiveStrategies() {}

    static ExecutionStrategy create(String name, ParentOrder parent, Instrument instrument, Duration interval,
            List<Bar> klines, double participation, double lambdaBps, @Nullable GatewayAdvisors gateway,
            Duration advisorTimeout) {
        return switch (name) {
            case "twap" -> twap(parent, instrument, interval);
            case "vwap" -> new ScheduleFollowingStrategy("vwap", VwapSchedule.build(parent, instrument, interval,
                    VolumeProfile.fromBars(klines)));
            case "is" -> new ScheduleFollowingStrategy("is", ImplementationShortfallSchedule.build(parent, instrument,
                    coefficients(parent, interval, klines, lambdaBps).forRemainder(parent.quantity().doubleValue(),
                            periods(parent, interval), 1.0)));
            case "pov" -> new PovStrategy(participation);
            case "adaptive" -> new AdaptiveStrategy(twap(parent, instrument, interval),
                    requireGateway(name, gateway).decisions(), advisorTimeout);
            case ImpactAdaptiveShortfall.NAME -> new ImpactAdaptiveShortfall(parent, instrument,
                    coefficients(parent, interval, klines, lambdaBps), interval,
                    requireGateway(name, gateway).impact(), IMPACT_REFRESH, advisorTimeout);
            default -> throw new IllegalArgumentException("strategy: " + name + " (expected one of " + NAMES + ")");
        };
    }

    private static ExecutionStrategy twap(ParentOrder parent, Instrument instrument, Duration interval) {
        return new ScheduleFollowingStrategy("twap", TwapSchedule.build(parent, instrument, interval, 0,
                new SplittableRandom()));
    }

    private static GatewayAdvisors requireGateway(String strategy, @Nullable GatewayAdvisors gateway) {
        if (gateway == null) {
            throw new IllegalArgumentException("--strategy " + strategy + " needs --advisor host:port");
        }
        return gateway;
    }

    private static int periods(ParentOrder parent, Duration interval) {
        return (int) Math.max(1, parent.horizon().toMillis() / interval.toMillis());
    }

    /**
     * The model with one slice interval as the time unit: σ in price per √interval from the klines' one-minute log
     * returns, η and γ charging an even execution what the square-root law charges the whole order, and λ turned
     * from 1/bps into 1/dollar (a cost of c bps is c·1e-4·price·X dollars).
     */
    private static ShortfallCoefficients coefficients(ParentOrder parent, Duration interval, List<Bar> klines,
            double lambdaBps) {
        if (klines.size() < 3) {
            throw new IllegalArgumentException("is: " + klines.size() + " klines (expected: >= 3 to fit the model)");
        }
        double quantity = parent.quantity().doubleValue();
        double price = klines.getLast().close();
        double minuteVolatility = KlineStats.of(klines).volatility();
        double minuteVolume = klines.stream().mapToDouble(Bar::baseVolume).average().orElse(0);
        if (!(minuteVolume > 0)) {
            throw new IllegalArgumentException("is: the klines show no volume to fit the impact to");
        }
        var market = new MarketConditions(price, minuteVolatility * Math.sqrt(MINUTES_PER_DAY),
                minuteVolume * MINUTES_PER_DAY);
        double metaorderCost = PowerLawImpact.squareRoot(SQUARE_ROOT_Y, PERMANENT_SHARE).estimate(quantity, market)
                .temporary();
        int periods = periods(parent, interval);
        double sigma = price * minuteVolatility * Math.sqrt(interval.toMillis() / 60_000.0);
        return new ShortfallCoefficients(sigma, 0, metaorderCost * periods / quantity,
                PERMANENT_SHARE * metaorderCost / quantity, lambdaBps / (1e-4 * price * quantity));
    }
}
