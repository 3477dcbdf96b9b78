package dev.slipstream.execution.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.venue.MarketSnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleFollowingStrategyTest {

    @ParameterizedTest(name = "at {0}s with {1} sent -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        -1  | 0   | 0
        0   | 0   | 0.3
        19  | 0.3 | 0
        45  | 0.3 | 0.6
        45  | 0.9 | 0
        60  | 0.9 | 0.1
        600 | 0.6 | 0.4
        600 | 1.0 | 0
        """)
    void sendsWhatIsDueAndNotYetSentCatchingUpAtTheDeadline(long atSecs, String sent, String expected) {
        ParentOrder parent = Orders.buy("1.0", Duration.ofSeconds(60));
        var instrument = Orders.instrument("0.1", "0.1");
        var twap = new ScheduleFollowingStrategy("twap",
                TwapSchedule.build(parent, instrument, Duration.ofSeconds(20), 0, new Random(1)));
        var now = Orders.START.plusSeconds(atSecs);

        SliceDecision decision = twap.decide(new StrategyContext(parent, instrument, now, new BigDecimal(sent),
                new BigDecimal(sent), new MarketSnapshot(now, 1, 1.01, 10, 0.001), 0));

        assertThat(decision.quantity()).isEqualByComparingTo(expected);
        assertThat(decision.source()).isEqualTo(DecisionSource.BASE);
    }
}
