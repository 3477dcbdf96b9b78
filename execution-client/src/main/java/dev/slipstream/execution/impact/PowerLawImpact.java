package dev.slipstream.execution.impact;

/**
 * The empirical power law of impact, Y · σ_daily · (Q / V_daily)^δ · price; δ = ½ is the square-root law found
 * across markets, Bitcoin included (Donier &amp; Bonart 2015, "A Million Metaorder Analysis of Market Impact on
 * the Bitcoin"), with Y of order 1. Impact partly reverts after the trade: {@code permanentShare} of it stays.
 */
public record PowerLawImpact(double y, double exponent, double permanentShare) implements ImpactModel {

    public static PowerLawImpact squareRoot(double y, double permanentShare) {
        return new PowerLawImpact(y, 0.5, permanentShare);
    }

    public PowerLawImpact {
        if (!(exponent > 0 && exponent <= 1)) {
            throw new IllegalArgumentException("exponent: " + exponent + " (expected: in (0, 1])");
        }
        if (!(permanentShare >= 0 && permanentShare <= 1)) {
            throw new IllegalArgumentException("permanentShare: " + permanentShare + " (expected: in [0, 1])");
        }
    }

    @Override
    public Impact estimate(double quantity, MarketConditions conditions) {
        if (quantity == 0 || !(conditions.dailyVolume() > 0)) {
            return new Impact(0, 0);
        }
        double peak = y * conditions.dailyVolatility()
                * Math.pow(Math.abs(quantity) / conditions.dailyVolume(), exponent) * conditions.price();
        return new Impact(peak, peak * permanentShare);
    }
}
