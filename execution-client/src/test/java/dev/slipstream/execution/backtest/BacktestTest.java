package dev.slipstream.execution.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.execution.engine.AuditLog;
import dev.slipstream.execution.venue.Bar;
import dev.slipstream.execution.venue.BarCsv;
import dev.slipstream.execution.venue.ShippedFixtures;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On the shipped January 2022 month of BTC-perp bars. */
class BacktestTest {

    static List<Bar> month;

    @BeforeAll
    static void readTheMonth() {
        month = BarCsv.read(ShippedFixtures.marketData(ShippedFixtures.BTC_PERP_BARS));
    }

    static BacktestResult run(BacktestConfig config) {
        return new Backtest(month, config, AuditLog.NONE).run(done -> {});
    }

    @Test
    void implementationShortfallBeatsTwapOnMeanPlusLambdaVariance() {
        BacktestResult result = run(BacktestConfig.defaults());
        Map<String, StrategySummary> rows = ComparisonTable.summaries(result).stream()
                .collect(Collectors.toMap(StrategySummary::strategy, Function.identity()));

        assertThat(rows.get("is").riskAdjustedBps()).isLessThan(rows.get("twap").riskAdjustedBps());
        assertThat(rows.get("is").stdevBps()).isLessThan(rows.get("twap").stdevBps());
        // Trading faster costs impact: IS pays more on average for the lower variance.
        assertThat(rows.get("is").meanBps()).isGreaterThan(rows.get("twap").meanBps());
        assertThat(rows.get("twap").fillRate()).isEqualTo(1.0);
        assertThat(rows.get("adaptive").fallbackRate()).isBetween(0.05, 0.15);
        assertThat(rows.get("adaptive-is").fillRate()).isEqualTo(1.0);
        assertThat(rows.get("adaptive-is").completedOnTime()).isEqualTo(1.0);
        assertThat(result.outcomes()).hasSize(100 * 6);
    }

    @Test
    void aFixedSeedRepeatsEveryNumber() {
        BacktestConfig defaults = BacktestConfig.defaults();
        var small = new BacktestConfig(10, defaults.horizon(), 10, 100, 7, defaults.strategies(), 0.01, 0.1, 0.7, 0.5,
                BacktestConfig.Overlay.SQRT, 0.5, 0.3, defaults.limits(), defaults.instrument());

        assertThat(ComparisonTable.render(run(small))).isEqualTo(ComparisonTable.render(run(small)));
        assertThat(run(small).outcomes()).isEqualTo(run(small).outcomes());
    }
}
