package dev.slipstream.execution.venue.bybit.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReconnectBackoffTest {

    private static final Duration INITIAL = Duration.ofMillis(500);
    private static final Duration MAX = Duration.ofSeconds(30);

    /** Jitter 0 gives the lower bound d/2, jitter → 1 the upper bound d, with d = min(30 s, 0.5 s · 2^(n−1)). */
    @ParameterizedTest(name = "attempt {0}: {1}..{2} ms")
    @CsvSource({"1, 250, 500", "2, 500, 1000", "3, 1000, 2000", "7, 15000, 30000", "8, 15000, 30000",
            "1000, 15000, 30000"})
    void doublesUpToTheCapWithEqualJitter(int attempt, long lowMillis, long highMillis) {
        assertThat(new ReconnectBackoff(INITIAL, MAX, () -> 0.0).delay(attempt)).hasMillis(lowMillis);
        assertThat(new ReconnectBackoff(INITIAL, MAX, () -> 0.999_999).delay(attempt).toMillis())
                .isBetween(highMillis - 1, highMillis);
    }

    @Test
    void theJitterSpreadsDelaysWithinTheBand() {
        assertThat(new ReconnectBackoff(INITIAL, MAX, () -> 0.5).delay(2)).hasMillis(750);
    }

    @Test
    void attemptsCountFromOne() {
        assertThatThrownBy(() -> new ReconnectBackoff(INITIAL, MAX, () -> 0.0).delay(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attempt: 0 (expected: >= 1)");
    }
}
