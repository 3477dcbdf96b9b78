package dev.slipstream.execution.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImpactModelTest {

    /** BTC at 40,000, 3 % daily volatility, 10,000 BTC a day. */
    static final MarketConditions MARKET = new MarketConditions(40_000, 0.03, 10_000);

    @Test
    void squareRootLawGivesTheTextbookExample() {
        // EXECUTION.md: σ_d = 3 %, Q/V = 1 % gives 15–30 bps for Y between 0.5 and 1.
        for (double y : new double[] {0.5, 1.0}) {
            Impact impact = PowerLawImpact.squareRoot(y, 0.5).estimate(100, MARKET);
            assertThat(impact.temporary() / MARKET.price() * 1e4).isCloseTo(y * 30, within(1e-9));
            assertThat(impact.permanent()).isCloseTo(impact.temporary() * 0.5, within(1e-9));
        }
    }

    @ParameterizedTest(name = "{0}: q={1} -> temporary {2}, permanent {3}")
    @CsvSource(delimiter = '|', textBlock = """
        kyle           | 10  | 5     | 5
        kyle           | -10 | 5     | 5
        almgrenChriss  | 10  | 1.5   | 0.2
        almgrenChriss  | 0   | 0     | 0
        adjustedTwice  | 10  | 3     | 0.4
        adjustedAbsurd | 10  | 3     | 0.4
        adjustedNaN    | 10  | 1.5   | 0.2
        """)
    void modelsScaleAsTheirFormulasSay(String model, double quantity, double temporary, double permanent) {
        var almgrenChriss = new AlmgrenChrissImpact(0.5, 0.1, 0.02);
        ImpactModel impact = switch (model) {
            case "kyle" -> new KyleImpact(0.5);
            case "almgrenChriss" -> almgrenChriss;
            case "adjustedTwice" -> new AdjustedImpact(almgrenChriss, 2.0);
            case "adjustedAbsurd" -> new AdjustedImpact(almgrenChriss, 1e9);
            case "adjustedNaN" -> new AdjustedImpact(almgrenChriss, Double.NaN);
            default -> throw new IllegalArgumentException(model);
        };

        Impact estimate = impact.estimate(quantity, MARKET);

        assertThat(estimate.temporary()).isCloseTo(temporary, within(1e-12));
        assertThat(estimate.permanent()).isCloseTo(permanent, within(1e-12));
    }
}
