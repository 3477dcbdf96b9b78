package dev.slipstream.execution.strategy;

import static dev.slipstream.execution.strategy.Orders.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Table-driven, after nautilus_trader's tests/unit_tests/execution/test_algorithm.py TWAP cases. */
class TwapScheduleTest {

    @ParameterizedTest(name = "{0} over {1}s every {2}s, lot {3}, min {4} -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
        1.2   | 60   | 20  | 0.1   | 0.1   | 0.4 0.4 0.4                 | 0 20 40
        1.0   | 60   | 20  | 0.1   | 0.1   | 0.3 0.3 0.3 0.1             | 0 20 40 60
        1.0   | 60   | 20  | 0.001 | 0.001 | 0.333 0.333 0.333 0.001     | 0 20 40 60
        100   | 3600 | 600 | 1     | 1     | 16 16 16 16 16 16 4         | 0 600 1200 1800 2400 3000 3600
        0.05  | 60   | 20  | 0.01  | 0.03  | 0.05                        | 0
        1.0   | 70   | 20  | 0.1   | 0.1   | 0.3 0.3 0.3 0.1             | 0 20 40 60
        2     | 60   | 60  | 1     | 1     | 2                           | 0
        """)
    void slicesLikeNautilus(String quantity, long horizonSecs, long intervalSecs, String lot, String minimum,
            String slices, String offsets) {
        Schedule schedule = TwapSchedule.build(Orders.buy(quantity, Duration.ofSeconds(horizonSecs)),
                Orders.instrument(lot, minimum), Duration.ofSeconds(intervalSecs), 0, new Random(1));

        assertThat(schedule.quantities()).containsExactlyElementsOf(decimals(slices));
        assertThat(schedule.slices()).extracting(s -> Duration.between(START, s.at()).toSeconds())
                .containsExactlyElementsOf(Arrays.stream(offsets.split(" ")).map(Long::valueOf).toList());
        assertThat(schedule.total()).isEqualByComparingTo(quantity);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42})
    void randomisedSlicesStayWithinTheBandOnLotsAndSumExactly(long seed) {
        Schedule schedule = TwapSchedule.build(Orders.buy("10", Duration.ofMinutes(10)), Orders.instrument("0.001", "0.001"),
                Duration.ofMinutes(1), 0.2, new Random(seed));

        assertThat(schedule.total()).isEqualByComparingTo("10");
        assertThat(schedule.quantities()).allSatisfy(q -> assertThat(q.remainder(new BigDecimal("0.001"))).isZero());
        assertThat(schedule.quantities().subList(0, 9))
                .allSatisfy(q -> assertThat(q.doubleValue()).isBetween(0.8, 1.2));
    }

    @ParameterizedTest(name = "interval {0}s")
    @CsvSource(delimiter = '|', textBlock = """
        0   | interval: PT0S (expected: > 0)
        -5  | interval: PT-5S (expected: > 0)
        61  | interval: PT1M1S (expected: <= horizon PT1M)
        """)
    void rejectsIntervalsThatCannotSliceTheHorizon(long intervalSecs, String message) {
        assertThatThrownBy(() -> TwapSchedule.build(Orders.buy("1", Duration.ofSeconds(60)), Orders.instrument("0.1", "0.1"),
                Duration.ofSeconds(intervalSecs), 0, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    static List<BigDecimal> decimals(String spaced) {
        return Arrays.stream(spaced.trim().split(" +")).map(BigDecimal::new).map(BigDecimal::stripTrailingZeros).toList();
    }
}
