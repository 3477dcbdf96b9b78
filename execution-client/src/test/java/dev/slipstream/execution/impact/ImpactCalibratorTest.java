package dev.slipstream.execution.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Simulated fills from a known model plus noise; the calibrator must find the model again. */
class ImpactCalibratorTest {

    static final MarketConditions MARKET = new MarketConditions(40_000, 0.03, 10_000);

    @ParameterizedTest(name = "epsilon {0}, eta {1}")
    @CsvSource({"0.5, 0.1", "2, 0.01", "0, 1"})
    void recoversAlmgrenChrissTemporaryImpact(double epsilon, double eta) {
        var truth = new AlmgrenChrissImpact(epsilon, eta, 0);
        var calibrator = new ImpactCalibrator(500);
        var random = new SplittableRandom(7);
        // An old regime first: the rolling window must forget it.
        feed(calibrator, new AlmgrenChrissImpact(10, 5, 0), random, 300, 0.05);
        feed(calibrator, truth, random, 500, 0.05);

        AlmgrenChrissImpact fitted = calibrator.almgrenChriss(0);

        // Noise is relative to the cost, so the intercept is known to about 1 % of the cost of an average fill.
        double averageFillCost = epsilon + eta * 100;
        assertThat(fitted.epsilon()).isCloseTo(epsilon, within(0.01 * averageFillCost));
        assertThat(fitted.eta()).isCloseTo(eta, within(0.05 * eta));
    }

    @ParameterizedTest(name = "Y {0}, delta {1}")
    @CsvSource({"0.7, 0.5", "1.0, 0.6", "0.4, 0.4"})
    void recoversThePowerLaw(double y, double exponent) {
        var truth = new PowerLawImpact(y, exponent, 0.5);
        var calibrator = new ImpactCalibrator(1000);

        feed(calibrator, truth, new SplittableRandom(11), 1000, 0.1);
        PowerLawImpact fitted = calibrator.powerLaw(0.5);

        assertThat(fitted.y()).isCloseTo(y, within(0.05 * y));
        assertThat(fitted.exponent()).isCloseTo(exponent, within(0.02));
    }

    /** Fills of 1 to 200 units, cost per unit = model × (1 + relative noise). */
    static void feed(ImpactCalibrator calibrator, ImpactModel model, SplittableRandom random, int fills, double noise) {
        for (int i = 0; i < fills; i++) {
            double quantity = 1 + 199 * random.nextDouble();
            double cost = model.estimate(quantity, MARKET).temporary() * (1 + noise * random.nextGaussian());
            calibrator.observe(quantity, cost, MARKET);
        }
    }
}
