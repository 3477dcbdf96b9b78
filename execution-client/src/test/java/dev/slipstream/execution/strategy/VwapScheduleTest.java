package dev.slipstream.execution.strategy;

import static dev.slipstream.execution.strategy.TwapScheduleTest.decimals;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VwapScheduleTest {

    @ParameterizedTest(name = "curve {0}, {1} lot {2} min {3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
        1 2 1     | 100 | 1    | 1    | 25 50 25
        1 1 1     | 100 | 1    | 1    | 33 33 34
        1 1 8     | 10  | 1    | 2    | 2 8
        0 0 0     | 9   | 1    | 1    | 3 3 3
        5 0 5     | 1   | 0.01 | 0.01 | 0.5 0.5
        3 1       | 1   | 1    | 1    | 1
        """)
    void slicesFollowTheVolumeCurveOnExactLots(String curve, String quantity, String lot, String minimum,
            String slices) {
        double[] minutes = Arrays.stream(curve.split(" ")).mapToDouble(Double::parseDouble).toArray();

        Schedule schedule = VwapSchedule.build(Orders.buy(quantity, Duration.ofMinutes(minutes.length)),
                Orders.instrument(lot, minimum), Duration.ofMinutes(1), VolumeProfile.ofMinutes(minutes));

        assertThat(schedule.quantities()).containsExactlyElementsOf(decimals(slices));
        assertThat(schedule.total()).isEqualByComparingTo(quantity);
        assertThat(schedule.slices().getLast().at()).isBefore(Orders.START.plus(Duration.ofMinutes(minutes.length)));
    }
}
