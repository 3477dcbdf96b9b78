package dev.slipstream.loadtest.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FaultScheduleTest {
    private final FaultSchedule faults =
            new FaultSchedule(Duration.ofSeconds(60), Duration.ofSeconds(5), FaultSchedule.Kind.ERROR);

    @Test
    void faultsSitAtTheStartOfEveryPeriodOfTheWallClock() {
        assertThat(faults.activeAt(120_000)).isTrue();
        assertThat(faults.activeAt(124_999)).isTrue();
        assertThat(faults.activeAt(125_000)).isFalse();
        assertThat(faults.activeAt(179_999)).isFalse();
        assertThat(FaultSchedule.NONE.activeAt(0)).isFalse();
    }

    @Test
    void aCallMetAFaultWhenItOverlappedOneOrItsGrace() {
        final Duration grace = Duration.ofSeconds(2);
        assertThat(faults.overlaps(119_000, 120_001, grace)).isTrue();
        assertThat(faults.overlaps(126_000, 126_500, grace)).as("within the grace").isTrue();
        assertThat(faults.overlaps(117_000, 118_500, grace)).as("within the grace before").isTrue();
        assertThat(faults.overlaps(127_001, 177_999, grace)).isFalse();
        assertThat(faults.overlaps(100_000, 100_010, Duration.ZERO)).isFalse();
    }

    @Test
    void aFaultLongerThanItsPeriodIsRefused() {
        assertThatThrownBy(() -> new FaultSchedule(Duration.ofSeconds(5), Duration.ofSeconds(5),
                                                   FaultSchedule.Kind.STALL))
                .hasMessageContaining("expected: 0 <= length < period");
    }
}
