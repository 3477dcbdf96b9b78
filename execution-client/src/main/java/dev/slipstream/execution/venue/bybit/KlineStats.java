package dev.slipstream.execution.venue.bybit;

import dev.slipstream.execution.venue.Bar;
import java.util.List;

/**
 * The volume and volatility a live snapshot carries, from one-minute klines: the base volume of the last closed bar
 * and the standard deviation of one-bar log returns of closes, the units the safety limits use.
 */
public record KlineStats(double lastBarVolume, double volatility) {

    public static final KlineStats NONE = new KlineStats(0, 0);

    /** {@code bars} oldest first; the newest is still forming on Bybit, so it is left out. */
    public static KlineStats of(List<Bar> bars) {
        List<Bar> closed = bars.size() > 1 ? bars.subList(0, bars.size() - 1) : List.of();
        if (closed.isEmpty()) {
            return NONE;
        }
        double sum = 0;
        double sumSquares = 0;
        int n = closed.size() - 1;
        for (int i = 1; i < closed.size(); i++) {
            double r = Math.log(closed.get(i).close() / closed.get(i - 1).close());
            sum += r;
            sumSquares += r * r;
        }
        double volatility = n < 2 ? 0 : Math.sqrt(Math.max(0, sumSquares / n - (sum / n) * (sum / n)));
        return new KlineStats(closed.getLast().baseVolume(), volatility);
    }
}
