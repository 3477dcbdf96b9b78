package dev.slipstream.execution.strategy;

/**
 * The Almgren–Chriss coefficients of one market, per minute (σ per √minute; ε, η, γ in price units; λ per dollar),
 * from which the model of any remainder of an order is built. An impact factor scales ε, η and γ together, which
 * scales every impact estimate of the linear model by that factor (as {@code AdjustedImpact} does).
 */
public record ShortfallCoefficients(double sigma, double epsilon, double eta, double gamma, double lambda) {

    /** The model for trading {@code quantity} over {@code minutes} one-minute periods, impact scaled by {@code factor}. */
    public AlmgrenChrissParameters forRemainder(double quantity, int minutes, double factor) {
        return new AlmgrenChrissParameters(quantity, minutes, minutes, sigma, epsilon * factor, eta * factor,
                gamma * factor, lambda);
    }
}
