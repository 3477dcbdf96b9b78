package dev.slipstream.execution.backtest;

import dev.slipstream.execution.impact.AlmgrenChrissImpact;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.strategy.AdaptiveStrategy;
import dev.slipstream.execution.strategy.Advisor;
import dev.slipstream.execution.strategy.AlmgrenChrissParameters;
import dev.slipstream.execution.strategy.ExecutionStrategy;
import dev.slipstream.execution.strategy.ImpactAdaptiveShortfall;
import dev.slipstream.execution.strategy.ImplementationShortfallSchedule;
import dev.slipstream.execution.strategy.PovStrategy;
import dev.slipstream.execution.strategy.ScheduleFollowingStrategy;
import dev.slipstream.execution.strategy.ShortfallCoefficients;
import dev.slipstream.execution.strategy.TwapSchedule;
import dev.slipstream.execution.strategy.VolumeProfile;
import dev.slipstream.execution.strategy.VwapSchedule;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/** Builds each named strategy for one parent order, from bars before its start only. */
final class StrategyFactory {

    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Duration VOLUME_CURVE_HISTORY = Duration.ofDays(7);
    /** How often the impact-adaptive strategy asks whether the market still fits its model. */
    private static final Duration IMPACT_REFRESH = Duration.ofMinutes(5);

    private StrategyFactory() {}

    /** {@code gateway}, when given, advises the adaptive strategy instead of the rule of thumb. */
    static ExecutionStrategy create(String name, ParentOrder parent, BarWindow window, BacktestConfig config,
            AlmgrenChrissImpact impact, RandomGenerator random, @Nullable Advisor gateway) {
        return switch (name) {
            case "twap" -> twap(parent, config, random);
            case "vwap" -> new ScheduleFollowingStrategy("vwap", VwapSchedule.build(parent, config.instrument(), INTERVAL,
                    VolumeProfile.fromBars(window.between(parent.start().minus(VOLUME_CURVE_HISTORY), parent.start()))));
            case "is" -> new ScheduleFollowingStrategy("is", ImplementationShortfallSchedule.build(parent,
                    config.instrument(), almgrenChriss(parent, window, config, impact)));
            case "pov" -> new PovStrategy(config.povParticipation());
            case "adaptive" -> new AdaptiveStrategy(twap(parent, config, random),
                    gateway != null ? gateway : new RuleOfThumbAdvisor(random, config.advisorFailureRate()),
                    config.limits().advisorTimeout());
            case ImpactAdaptiveShortfall.NAME -> new ImpactAdaptiveShortfall(parent, config.instrument(),
                    coefficients(parent, window, config, impact), INTERVAL,
                    new SquareRootImpactAdvisor(config.impactY()), IMPACT_REFRESH, config.limits().advisorTimeout());
            default -> throw new IllegalArgumentException("unsupported strategy: " + name);
        };
    }

    private static ExecutionStrategy twap(ParentOrder parent, BacktestConfig config, RandomGenerator random) {
        return new ScheduleFollowingStrategy("twap", TwapSchedule.build(parent, config.instrument(), INTERVAL, 0,
                random));
    }

    private static AlmgrenChrissParameters almgrenChriss(ParentOrder parent, BarWindow window, BacktestConfig config,
            AlmgrenChrissImpact impact) {
        return coefficients(parent, window, config, impact).forRemainder(parent.quantity().doubleValue(),
                (int) parent.horizon().toMinutes(), 1.0);
    }

    /**
     * The model in dollars and minutes: σ in price per √minute from the day before, η and γ from the overlay, and
     * λ converted from 1/bps to 1/dollar — a cost of c bps is c·k dollars with k = 1e-4·price·X, so λ$ = λbps / k.
     */
    private static ShortfallCoefficients coefficients(ParentOrder parent, BarWindow window, BacktestConfig config,
            AlmgrenChrissImpact impact) {
        double dollarsPerBps = 1e-4 * window.closeBefore(parent.start()) * parent.quantity().doubleValue();
        return new ShortfallCoefficients(window.minuteSigmaBefore(parent.start()), impact.epsilon(), impact.eta(),
                impact.gamma(), config.lambdaBps() / dollarsPerBps);
    }
}
