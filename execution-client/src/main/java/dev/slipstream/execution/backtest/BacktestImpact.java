package dev.slipstream.execution.backtest;

import dev.slipstream.execution.impact.AlmgrenChrissImpact;
import dev.slipstream.execution.impact.ImpactModel;
import dev.slipstream.execution.impact.MarketConditions;
import dev.slipstream.execution.impact.PowerLawImpact;
import dev.slipstream.execution.order.ParentOrder;

/**
 * The impact overlay of one backtest order. Both choices rest on the square-root law (Donier &amp; Bonart 2015):
 * SQRT applies it child by child; AC is the Almgren–Chriss line that charges an even execution of the whole order
 * what the law charges the metaorder — temporary ηX/T = Y·σ_d·√(X/V_d)·price, permanent γX = that × the
 * permanent share — so IS can be solved with the very η and γ the market charges.
 */
final class BacktestImpact {

    private BacktestImpact() {}

    static ImpactModel overlay(BacktestConfig config, AlmgrenChrissImpact fitted) {
        return config.overlay() == BacktestConfig.Overlay.SQRT
                ? PowerLawImpact.squareRoot(config.impactY(), config.permanentShare())
                : fitted;
    }

    /** The Almgren–Chriss line for this order, per one-minute period. */
    static AlmgrenChrissImpact almgrenChriss(BacktestConfig config, ParentOrder parent, MarketConditions market) {
        double quantity = parent.quantity().doubleValue();
        double metaorderCost = PowerLawImpact.squareRoot(config.impactY(), config.permanentShare())
                .estimate(quantity, market).temporary();
        double minutes = parent.horizon().toMinutes();
        return new AlmgrenChrissImpact(0, metaorderCost * minutes / quantity,
                config.permanentShare() * metaorderCost / quantity);
    }
}
