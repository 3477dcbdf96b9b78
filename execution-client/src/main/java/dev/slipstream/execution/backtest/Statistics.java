package dev.slipstream.execution.backtest;

import java.util.Arrays;

/** Summary statistics over finite values (NaN, e.g. the slippage of an order that never filled, is skipped). */
final class Statistics {

    private final double[] sorted;

    Statistics(double[] values) {
        this.sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    }

    double mean() {
        return Arrays.stream(sorted).average().orElse(Double.NaN);
    }

    /** Sample variance (n − 1). */
    double variance() {
        if (sorted.length < 2) {
            return Double.NaN;
        }
        double mean = mean();
        return Arrays.stream(sorted).map(v -> (v - mean) * (v - mean)).sum() / (sorted.length - 1);
    }

    double stdev() {
        return Math.sqrt(variance());
    }

    /** Linear interpolation between closest ranks. */
    double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double rank = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
