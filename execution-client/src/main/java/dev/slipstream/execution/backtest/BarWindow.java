package dev.slipstream.execution.backtest;

import dev.slipstream.execution.impact.MarketConditions;
import dev.slipstream.execution.venue.Bar;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A month of one-minute bars with the look-ups a backtest needs; every estimate uses only bars before a time. */
final class BarWindow {

    private static final int MINUTES_PER_DAY = 1440;

    private final List<Bar> bars;
    private final long[] openSeconds;

    BarWindow(List<Bar> bars) {
        if (bars.size() < 2 * MINUTES_PER_DAY) {
            throw new IllegalArgumentException("bars: " + bars.size() + " (expected: at least two days of minutes)");
        }
        this.bars = List.copyOf(bars);
        this.openSeconds = bars.stream().mapToLong(bar -> bar.time().getEpochSecond()).toArray();
    }

    List<Bar> bars() {
        return bars;
    }

    /** Index of the first bar opening at or after {@code time}. */
    int indexAt(Instant time) {
        int found = Arrays.binarySearch(openSeconds, time.getEpochSecond());
        return found >= 0 ? found : -found - 1;
    }

    /** Bars opening in [from, to). */
    List<Bar> between(Instant from, Instant to) {
        return bars.subList(indexAt(from), indexAt(to));
    }

    /** The last close before {@code time}. */
    double closeBefore(Instant time) {
        return bars.get(Math.max(0, indexAt(time) - 1)).close();
    }

    /** Standard deviation of one-minute close-to-close changes over the day before {@code time}, in price units. */
    double minuteSigmaBefore(Instant time) {
        List<Bar> day = between(time.minus(Duration.ofDays(1)), time);
        double sum = 0;
        double sumSquares = 0;
        for (int i = 1; i < day.size(); i++) {
            double change = day.get(i).close() - day.get(i - 1).close();
            sum += change;
            sumSquares += change * change;
        }
        int n = day.size() - 1;
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
    }

    /** Price, daily volatility (fraction) and daily base volume from the day before {@code time}. */
    MarketConditions conditionsBefore(Instant time) {
        List<Bar> day = between(time.minus(Duration.ofDays(1)), time);
        double volume = day.stream().mapToDouble(Bar::baseVolume).sum() * MINUTES_PER_DAY / day.size();
        double price = closeBefore(time);
        double dailyVolatility = minuteSigmaBefore(time) / price * Math.sqrt(MINUTES_PER_DAY);
        return new MarketConditions(price, dailyVolatility, volume);
    }

    /** Volume-weighted average of the bars' typical prices over [from, to), and the base volume traded. */
    double[] vwapAndVolume(Instant from, Instant to) {
        double notional = 0;
        double volume = 0;
        for (Bar bar : between(from, to)) {
            double typical = (bar.high() + bar.low() + bar.close()) / 3;
            notional += typical * bar.baseVolume();
            volume += bar.baseVolume();
        }
        return new double[] {volume == 0 ? Double.NaN : notional / volume, volume};
    }
}
