package dev.slipstream.execution.backtest;

import dev.slipstream.execution.strategy.DecisionSource;
import dev.slipstream.execution.strategy.ImpactAdvisor;
import dev.slipstream.execution.strategy.ImpactAnswer;
import dev.slipstream.execution.strategy.ImpactQuestion;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * An offline stand-in for the gateway's ImpactAdjustment: the factor is the square-root law's estimate
 * (Y·σ_daily·√(Q/V_daily), Donier &amp; Bonart 2015) over the linear model's, clamped to the prompt's [0.5, 2.0]. The
 * daily figures come from the last one-minute bar; without volume the question fails and the plan stands.
 */
final class SquareRootImpactAdvisor implements ImpactAdvisor {

    private static final double MINUTES_PER_DAY = 1440;

    private final double y;

    SquareRootImpactAdvisor(double y) {
        this.y = y;
    }

    @Override
    public CompletableFuture<ImpactAnswer> adjust(ImpactQuestion question) {
        double dailyVolume = question.lastBarVolume() * MINUTES_PER_DAY;
        if (!(dailyVolume > 0 && question.baseImpactBps() > 0)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "no volume or no base estimate to compare with"));
        }
        double dailyVolatility = question.volatility() * Math.sqrt(MINUTES_PER_DAY);
        double squareRootBps = y * dailyVolatility * Math.sqrt(question.unsent() / dailyVolume) * 1e4;
        double factor = Math.clamp(squareRootBps / question.baseImpactBps(), ImpactAnswer.MIN_FACTOR,
                ImpactAnswer.MAX_FACTOR);
        return CompletableFuture.completedFuture(new ImpactAnswer(factor, 0.5, String.format(Locale.ROOT,
                "square-root law %.1f bps against the linear model's %.1f bps", squareRootBps,
                question.baseImpactBps()), DecisionSource.ADVISOR));
    }
}
