package dev.slipstream.execution.strategy;

/**
 * The Almgren–Chriss coefficients of one market with a period (e.g. a minute) as the time unit: σ per √period;
 * ε, η, γ in price units; λ per dollar. The model of any remainder of an order is built from them. An impact
 * factor scales ε, η and γ together, which scales every impact estimate of the linear model by that factor (as
 * {@code AdjustedImpact} does).
 */
public record ShortfallCoefficients(double sigma, double epsilon, double eta, double gamma, double lambda) {

    /** The model for trading {@code quantity} over {@code periods} periods, impact scaled by {@code factor}. */
    public AlmgrenChrissParameters forRemainder(double quantity, int periods, double factor) {
        return new AlmgrenChrissParameters(quantity, periods, periods, sigma, epsilon * factor, eta * factor,
                gamma * factor, lambda);
    }
}
