package dev.slipstream.execution.backtest;

import java.util.List;
import java.util.Locale;

/** The backtest's comparison as a plain-text table, one row per strategy. */
public final class ComparisonTable {

    private static final String HEADER = "%-9s %8s %8s %8s %8s %8s %9s %9s %9s %7s %6s %7s %8s %8s%n";
    private static final String ROW = "%-9s %8.2f %8.2f %8.2f %8.2f %8.2f %9.2f %9.2f %9.2f %6.2f%% %5.1f%% %6.1f%% %8s %8s%n";

    private ComparisonTable() {}

    public static String render(BacktestResult result) {
        BacktestConfig config = result.config();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%d parent orders x %d strategies, horizon %s, seed %d, impact %s (Y=%.2f), lambda %.4f /bps%n",
                result.parents().size(), config.strategies().size(), config.horizon(), config.seed(), config.overlay(),
                config.impactY(), config.lambdaBps()));
        table.append(String.format(Locale.ROOT, HEADER, "strategy", "IS mean", "IS sd", "IS p5", "IS p50", "IS p95",
                "E+lam*V", "VWAP slp", "arr slp", "partic", "fill", "on time", "fallback", "vs TWAP"));
        for (StrategySummary row : summaries(result)) {
            table.append(String.format(Locale.ROOT, ROW, row.strategy(), row.meanBps(), row.stdevBps(), row.p5Bps(),
                    row.p50Bps(), row.p95Bps(), row.riskAdjustedBps(), row.vwapSlippageBps(), row.arrivalSlippageBps(),
                    100 * row.participation(), 100 * row.fillRate(), 100 * row.completedOnTime(),
                    percentOrDash(row.fallbackRate()), row.strategy().equals("twap") ? "-" : signed(row.valueAddVersusTwapBps())));
        }
        return table.append("costs in bps, positive = worse; vs TWAP = mean of TWAP's IS minus this one's, per order")
                .toString();
    }

    static List<StrategySummary> summaries(BacktestResult result) {
        return result.config().strategies().stream().map(name -> StrategySummary.of(name, result)).toList();
    }

    private static String percentOrDash(double rate) {
        return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }

    private static String signed(double bps) {
        return Double.isNaN(bps) ? "-" : String.format(Locale.ROOT, "%+.2f", bps);
    }
}
