package dev.slipstream.execution.strategy;

/**
 * Inputs of the Almgren–Chriss model in the paper's units (Almgren &amp; Chriss 2000, "Optimal Execution of
 * Portfolio Transactions", sections 2–3): shares, time units of the horizon, price per share.
 *
 * @param quantity X, the shares to trade
 * @param horizon T, in the chosen time unit (the paper uses days)
 * @param periods N, the number of trading intervals of length τ = T/N
 * @param sigma σ, price volatility per √time unit
 * @param epsilon ε, the fixed part of the temporary impact (half spread plus fees) per share
 * @param eta η, the linear temporary impact coefficient
 * @param gamma γ, the linear permanent impact coefficient
 * @param lambda λ, risk aversion; 0 gives the straight line (TWAP)
 */
public record AlmgrenChrissParameters(
        double quantity, double horizon, int periods, double sigma, double epsilon, double eta, double gamma,
        double lambda) {

    public AlmgrenChrissParameters {
        requirePositive("quantity", quantity);
        requirePositive("horizon", horizon);
        if (periods < 1) {
            throw new IllegalArgumentException("periods: " + periods + " (expected: >= 1)");
        }
        requireNonNegative("sigma", sigma);
        requireNonNegative("epsilon", epsilon);
        requireNonNegative("gamma", gamma);
        requireNonNegative("lambda", lambda);
        requirePositive("eta", eta);
        double etaTilde = eta - 0.5 * gamma * horizon / periods;
        if (!(etaTilde > 0)) {
            throw new IllegalArgumentException(
                    "eta - gamma*tau/2: " + etaTilde + " (expected: > 0, else the cost is not convex)");
        }
    }

    /** τ = T/N. */
    public double tau() {
        return horizon / periods;
    }

    /** η̃ = η − ½γτ: the temporary coefficient once the permanent impact's discretisation is folded in. */
    public double etaTilde() {
        return eta - 0.5 * gamma * tau();
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: finite and > 0)");
        }
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: finite and >= 0)");
        }
    }
}
