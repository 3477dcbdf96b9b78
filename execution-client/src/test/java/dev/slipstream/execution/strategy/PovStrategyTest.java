package dev.slipstream.execution.strategy;

import static dev.slipstream.execution.strategy.TwapScheduleTest.decimals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.venue.MarketSnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PovStrategyTest {

    @ParameterizedTest(name = "{0} of volumes {3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
        0.1  | 5    | 1    | 10 25 5 60          | 1 2 1 1
        0.1  | 5    | 1    | 5 5 5 5             | 0 1 0 1
        0.1  | 5    | 2    | 10 10 10 10 10      | 0 2 0 2 0
        0.5  | 1    | 0.1  | 1 1 1               | 0.5 0.5 0
        0.25 | 100  | 1    | 7 7 7 7             | 1 2 2 2
        """)
    void sendsItsShareOfTheObservedVolumeOnLots(double participation, String quantity, String lotAndMinimum,
            String volumes, String sends) {
        ParentOrder parent = Orders.buy(quantity, Duration.ofHours(1));
        Instrument instrument = Orders.instrument(lotAndMinimum, lotAndMinimum);
        PovStrategy pov = new PovStrategy(participation);
        BigDecimal sent = BigDecimal.ZERO;
        double seen = 0;
        List<BigDecimal> sentEachTick = new ArrayList<>();
        int minute = 0;
        for (double volume : Arrays.stream(volumes.split(" ")).mapToDouble(Double::parseDouble).toArray()) {
            seen += volume;
            var now = Orders.START.plus(Duration.ofMinutes(++minute));
            var market = new MarketSnapshot(now, 42_000, 42_001, volume, 0.001);
            BigDecimal child = pov.decide(new StrategyContext(parent, instrument, now, sent, sent, market, seen))
                    .quantity();
            sentEachTick.add(child.stripTrailingZeros());
            sent = sent.add(child);
        }

        assertThat(sentEachTick).containsExactlyElementsOf(decimals(sends));
    }
}
