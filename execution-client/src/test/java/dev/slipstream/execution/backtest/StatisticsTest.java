package dev.slipstream.execution.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatisticsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        1 2 3 4 5       | 3   | 2.5       | 1.2  | 3   | 4.8
        5 1 4 2 3       | 3   | 2.5       | 1.2  | 3   | 4.8
        1 NaN 3         | 2   | 2         | 1.1  | 2   | 2.9
        7               | 7   | NaN       | 7    | 7   | 7
        """)
    void summarisesFiniteValues(String values, double mean, double variance, double p5, double p50, double p95) {
        var statistics = new Statistics(Arrays.stream(values.split(" ")).mapToDouble(Double::parseDouble).toArray());

        assertThat(statistics.mean()).isCloseTo(mean, within(1e-12));
        if (Double.isNaN(variance)) {
            assertThat(statistics.variance()).isNaN();
        } else {
            assertThat(statistics.variance()).isCloseTo(variance, within(1e-12));
        }
        assertThat(statistics.percentile(5)).isCloseTo(p5, within(1e-12));
        assertThat(statistics.percentile(50)).isCloseTo(p50, within(1e-12));
        assertThat(statistics.percentile(95)).isCloseTo(p95, within(1e-12));
    }
}
