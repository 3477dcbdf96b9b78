package dev.slipstream.execution.cli;

import dev.slipstream.execution.strategy.AlmgrenChrissParameters;
import dev.slipstream.execution.strategy.AlmgrenChrissTrajectory;
import dev.slipstream.execution.strategy.Schedule;
import dev.slipstream.execution.strategy.ScheduledSlice;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Plain-text tables for the schedule command. */
final class ScheduleTables {

    private ScheduleTables() {}

    static String trajectory(AlmgrenChrissParameters p, AlmgrenChrissTrajectory t) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%4s %10s %18s %18s%n", "k", "t", "trade n_k",
                "holdings x_k"));
        for (int k = 0; k < t.holdings().length; k++) {
            String trade = k == 0 ? "" : String.format(Locale.ROOT, "%.1f", t.trades()[k - 1]);
            table.append(String.format(Locale.ROOT, "%4d %10.4f %18s %18.1f%n", k, k * p.tau(), trade, t.holdings()[k]));
        }
        return table.append(String.format(Locale.ROOT, "kappa = %.6f  E = %.1f  V = %.6e  E + lambda*V = %.1f",
                t.kappa(), t.expectedCost(), t.variance(), t.objective(p.lambda()))).toString();
    }

    static String slices(Instant start, Schedule schedule) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%4s %22s %10s %16s %16s%n", "#", "at",
                "+minutes", "quantity", "cumulative"));
        BigDecimal cumulative = BigDecimal.ZERO;
        int index = 1;
        for (ScheduledSlice slice : schedule.slices()) {
            cumulative = cumulative.add(slice.quantity());
            table.append(String.format(Locale.ROOT, "%4d %22s %10.2f %16s %16s%n", index++, slice.at(),
                    Duration.between(start, slice.at()).toSeconds() / 60.0, slice.quantity().toPlainString(),
                    cumulative.toPlainString()));
        }
        return table.append("total ").append(schedule.total().toPlainString()).toString();
    }
}
