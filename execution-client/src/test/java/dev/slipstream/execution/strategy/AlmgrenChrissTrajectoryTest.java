package dev.slipstream.execution.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlmgrenChrissTrajectoryTest {

    /**
     * The paper's example as written down in EXECUTION.md. σ must be the exact 0.3·50/√250: the vector's digits
     * come from it, and its rounded display 0.948683 moves x₄ by 1.2e-6 relative and E to 910,477.67.
     */
    static final double PAPER_SIGMA = 0.3 * 50 / Math.sqrt(250);

    static AlmgrenChrissParameters paperExample(double lambda) {
        return new AlmgrenChrissParameters(1_000_000, 5, 5, PAPER_SIGMA, 0.0625, 2.5e-6, 2.5e-7, lambda);
    }

    /** 1e-6 relative, expressed as a percentage for AssertJ. */
    static final double RELATIVE_1E6 = 1e-4;

    @Test
    void reproducesThePapersTestVector() {
        AlmgrenChrissTrajectory trajectory = AlmgrenChrissTrajectory.optimal(paperExample(1e-6));

        assertThat(paperExample(1e-6).etaTilde()).isCloseTo(2.375e-6, withinPercentage(RELATIVE_1E6));
        assertThat(trajectory.kappa()).isCloseTo(0.606260, withinPercentage(RELATIVE_1E6));
        double[] expected = {1_000_000, 542_380.7, 290_295.1, 148_216.1, 62_303.2, 0};
        for (int j = 0; j < expected.length; j++) {
            assertThat(trajectory.holdings()[j]).as("x%d", j).isCloseTo(expected[j], withinPercentage(RELATIVE_1E6));
        }
        assertThat(trajectory.expectedCost()).isCloseTo(910_477.8, withinPercentage(RELATIVE_1E6));
        assertThat(trajectory.variance()).isCloseTo(3.638680e11, withinPercentage(RELATIVE_1E6));
    }

    @Test
    void zeroRiskAversionIsTheStraightLineOfTwap() {
        AlmgrenChrissTrajectory trajectory = AlmgrenChrissTrajectory.optimal(paperExample(0));

        assertThat(trajectory.kappa()).isZero();
        assertThat(trajectory.holdings()).containsExactly(1_000_000, 800_000, 600_000, 400_000, 200_000, 0);
        assertThat(trajectory.trades()).containsOnly(200_000);
        assertThat(trajectory.expectedCost()).isCloseTo(662_500, withinPercentage(RELATIVE_1E6));
    }

    @Test
    void theOptimumBeatsTheStraightLineOnItsOwnObjective() {
        double lambda = 1e-6;
        double optimal = AlmgrenChrissTrajectory.optimal(paperExample(lambda)).objective(lambda);
        double straight = AlmgrenChrissTrajectory.optimal(paperExample(0)).objective(lambda);

        assertThat(optimal).isLessThan(straight);
    }

    @Test
    void moreRiskAversionTradesFasterAlongAConvexFrontier() {
        double[] lambdas = {0, 1e-7, 1e-6, 1e-5};
        double previousCost = 0;
        double previousVariance = Double.MAX_VALUE;
        for (double lambda : lambdas) {
            AlmgrenChrissTrajectory t = AlmgrenChrissTrajectory.optimal(paperExample(lambda));
            assertThat(t.expectedCost()).isGreaterThanOrEqualTo(previousCost);
            assertThat(t.variance()).isLessThan(previousVariance);
            previousCost = t.expectedCost();
            previousVariance = t.variance();
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "quantity, 0, 'quantity: 0.0 (expected: finite and > 0)'",
        "horizon, NaN, 'horizon: NaN (expected: finite and > 0)'",
        "periods, 0, 'periods: 0 (expected: >= 1)'",
        "sigma, -1, 'sigma: -1.0 (expected: finite and >= 0)'",
        "lambda, Infinity, 'lambda: Infinity (expected: finite and >= 0)'",
        "eta, 1e-7, 'eta - gamma*tau/2: -2.5E-8 (expected: > 0, else the cost is not convex)'",
    })
    void rejectsParametersOutsideTheModel(String field, double value, String message) {
        double[] v = {1_000_000, 5, 5, PAPER_SIGMA, 0.0625, 2.5e-6, 2.5e-7, 1e-6};
        int index = List.of("quantity", "horizon", "periods", "sigma", "epsilon", "eta", "gamma", "lambda")
                .indexOf(field);
        v[index] = value;
        assertThatThrownBy(() -> new AlmgrenChrissParameters(v[0], v[1], (int) v[2], v[3], v[4], v[5], v[6], v[7]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
