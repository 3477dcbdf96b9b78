package dev.slipstream.execution.strategy;

import java.util.Arrays;

/**
 * The optimal liquidation trajectory minimising E + λV, with its expected cost E and variance V
 * (Almgren &amp; Chriss 2000, equations (20)–(22) for E and V, section 3 for the sinh solution).
 *
 * @param holdings x₀ … x_N, with x₀ = X and x_N = 0
 * @param trades n₁ … n_N, n_k = x_{k−1} − x_k
 * @param kappa κ, the urgency; 0 when λ = 0
 * @param expectedCost E = ½γX² + εΣ|n_k| + (η̃/τ)Σn_k²
 * @param variance V = σ²τΣx_k²
 */
public record AlmgrenChrissTrajectory(
        double[] holdings, double[] trades, double kappa, double expectedCost, double variance) {

    public static AlmgrenChrissTrajectory optimal(AlmgrenChrissParameters p) {
        int n = p.periods();
        double tau = p.tau();
        double kappa = kappa(p);
        double[] holdings = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            double remainingTime = p.horizon() - j * tau;
            holdings[j] = kappa == 0
                    ? p.quantity() * remainingTime / p.horizon()
                    : p.quantity() * Math.sinh(kappa * remainingTime) / Math.sinh(kappa * p.horizon());
        }
        holdings[n] = 0;
        double[] trades = new double[n];
        double absoluteTraded = 0;
        double squaredTraded = 0;
        double squaredHeld = 0;
        for (int k = 1; k <= n; k++) {
            trades[k - 1] = holdings[k - 1] - holdings[k];
            absoluteTraded += Math.abs(trades[k - 1]);
            squaredTraded += trades[k - 1] * trades[k - 1];
            squaredHeld += holdings[k] * holdings[k];
        }
        double expectedCost = 0.5 * p.gamma() * p.quantity() * p.quantity()
                + p.epsilon() * absoluteTraded
                + p.etaTilde() / tau * squaredTraded;
        double variance = p.sigma() * p.sigma() * tau * squaredHeld;
        return new AlmgrenChrissTrajectory(holdings, trades, kappa, expectedCost, variance);
    }

    /** κ solves (2/τ²)(cosh κτ − 1) = λσ²/η̃, so κ = arccosh(½κ̃²τ² + 1)/τ with κ̃² = λσ²/η̃. */
    static double kappa(AlmgrenChrissParameters p) {
        double kappaTildeSquared = p.lambda() * p.sigma() * p.sigma() / p.etaTilde();
        if (kappaTildeSquared == 0) {
            return 0;
        }
        double tau = p.tau();
        return arcosh(0.5 * kappaTildeSquared * tau * tau + 1) / tau;
    }

    private static double arcosh(double x) {
        return Math.log(x + Math.sqrt(x * x - 1));
    }

    /** E + λV, the objective the trajectory minimises. */
    public double objective(double lambda) {
        return expectedCost + lambda * variance;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AlmgrenChrissTrajectory that
                && Arrays.equals(holdings, that.holdings) && Arrays.equals(trades, that.trades)
                && kappa == that.kappa && expectedCost == that.expectedCost && variance == that.variance;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(holdings) * 31 + Arrays.hashCode(trades);
    }

    @Override
    public String toString() {
        return "AlmgrenChrissTrajectory[holdings=" + Arrays.toString(holdings) + ", E=" + expectedCost
                + ", V=" + variance + ", kappa=" + kappa + "]";
    }
}
