package dev.slipstream.execution.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.execution.order.ChildOrder;
import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.venue.MarketSnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafetyValidatorTest {

    static final Instant NOW = Instant.parse("2022-01-10T12:00:00Z");
    static final Instrument INSTRUMENT = new Instrument("BTCUSDT", new BigDecimal("0.001"), new BigDecimal("0.01"),
            new BigDecimal("0.5"));
    /** 10 % of the bar, 100k notional, 30 s apart, 5 bps spread, 200 bps from the benchmark, 1 % vol, 3 a minute. */
    static final SafetyLimits LIMITS = new SafetyLimits(0.10, new BigDecimal("100000"), Duration.ofSeconds(30), 5, 200,
            100, 0.01, 3, Duration.ofMillis(500));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
        within every limit             | BUY  | 1      | 40000 | 40002 | 20 | 0.001 | 60      | 3       | none
        below the minimum              | BUY  | 0.009  | 40000 | 40002 | 20 | 0.001 | 60      | 3       | QUANTITY
        off the lot                    | BUY  | 1.0005 | 40000 | 40002 | 20 | 0.001 | 60      | 3       | QUANTITY
        more than unsent               | BUY  | 1      | 40000 | 40002 | 20 | 0.001 | 60      | 0.5     | QUANTITY
        flipped side                   | SELL | 1      | 40000 | 40002 | 20 | 0.001 | 60      | 3       | SIDE
        over a tenth of the bar        | BUY  | 2.001  | 40000 | 40002 | 20 | 0.001 | 60      | 3       | PARTICIPATION
        notional at the ask            | BUY  | 2.5    | 40000 | 40002 | 30 | 0.001 | 60      | 3       | NOTIONAL
        too soon after the last        | BUY  | 1      | 40000 | 40002 | 20 | 0.001 | 20      | 3       | INTERVAL
        fourth order in a minute       | BUY  | 1      | 40000 | 40002 | 20 | 0.001 | 50 40 35 | 3      | ORDERS_PER_MINUTE
        spread too wide to cross       | BUY  | 1      | 40000 | 40030 | 20 | 0.001 | 60      | 3       | SPREAD
        too far from the benchmark     | BUY  | 1      | 41000 | 41002 | 20 | 0.001 | 60      | 3       | BENCHMARK_DEVIATION
        volatility halt                | BUY  | 1      | 40000 | 40002 | 20 | 0.02  | 60      | 3       | VOLATILITY_HALT
        NaN volatility halts too       | BUY  | 1      | 40000 | 40002 | 20 | NaN   | 60      | 3       | VOLATILITY_HALT
        """)
    void reportsExactlyTheLimitBroken(String what, Side side, String quantity, double bid, double ask, double barVolume,
            double volatility, String secondsSinceEarlierSends, String unsent, Limit expected) {
        var parent = new ParentOrder("V1", "BTCUSDT", Side.BUY, new BigDecimal("3"), NOW.minusSeconds(600),
                NOW.plusSeconds(600), new BigDecimal("40000"), 0);
        var order = new ChildOrder("V1-E9", "V1", 9, "BTCUSDT", side, new BigDecimal(quantity), null, NOW);
        List<Instant> earlier = Arrays.stream(secondsSinceEarlierSends.split(" "))
                .map(seconds -> NOW.minusSeconds(Long.parseLong(seconds))).toList();
        var market = new MarketSnapshot(NOW, bid, ask, barVolume, volatility);

        List<Violation> violations = new SafetyValidator(LIMITS).check(new OrderCheck(order, parent, INSTRUMENT, market,
                new BigDecimal(unsent), earlier));

        assertThat(violations).extracting(Violation::limit)
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }
}
