package dev.slipstream.execution.impact;

/**
 * Fits impact models to our own fills over a rolling window. Each fill gives the temporary cost per unit actually
 * paid (execution price against the price before the trade, signed so that a cost is positive).
 * Almgren–Chriss: cost = ε + η·q, a straight line in q. Power law: ln(cost / (σ_d·price)) = ln Y + δ·ln(q / V_d).
 */
public final class ImpactCalibrator {

    private final RollingRegression linear;
    private final RollingRegression logLog;

    public ImpactCalibrator(int window) {
        this.linear = new RollingRegression(window);
        this.logLog = new RollingRegression(window);
    }

    public void observe(double quantity, double costPerUnit, MarketConditions conditions) {
        double q = Math.abs(quantity);
        linear.add(q, costPerUnit);
        if (q > 0 && costPerUnit > 0) {
            logLog.add(Math.log(q / conditions.dailyVolume()),
                    Math.log(costPerUnit / (conditions.dailyVolatility() * conditions.price())));
        }
    }

    /** ε and η of the temporary impact, γ left at {@code gamma} (permanent impact is not seen in one fill). */
    public AlmgrenChrissImpact almgrenChriss(double gamma) {
        double[] fit = linear.fit();
        return new AlmgrenChrissImpact(fit[0], fit[1], gamma);
    }

    public PowerLawImpact powerLaw(double permanentShare) {
        double[] fit = logLog.fit();
        return new PowerLawImpact(Math.exp(fit[0]), fit[1], permanentShare);
    }
}
