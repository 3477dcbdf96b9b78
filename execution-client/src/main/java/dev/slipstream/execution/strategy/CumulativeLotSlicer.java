package dev.slipstream.execution.strategy;

import dev.slipstream.execution.order.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a target curve (the cumulative fraction of the order done by each time) into lot-exact slices.
 * Rounding the cumulative target down, not each slice, keeps the rounding error below one lot at every point;
 * a slice below the minimum waits for the next one; the final slice sends whatever remains.
 */
final class CumulativeLotSlicer {

    private CumulativeLotSlicer() {}

    static Schedule slice(BigDecimal total, List<Instant> times, double[] cumulativeFractions, Instrument instrument) {
        if (times.size() != cumulativeFractions.length) {
            throw new IllegalArgumentException("times and fractions differ in length: " + times.size() + " vs "
                    + cumulativeFractions.length);
        }
        List<ScheduledSlice> slices = new ArrayList<>();
        BigDecimal scheduled = BigDecimal.ZERO;
        int last = times.size() - 1;
        for (int k = 0; k <= last; k++) {
            BigDecimal target = k == last
                    ? total
                    : instrument.roundDownToLot(onTarget(total, cumulativeFractions[k])).min(total);
            BigDecimal slice = target.subtract(scheduled);
            boolean belowMinimum = slice.compareTo(instrument.minQuantity()) < 0;
            if (slice.signum() > 0 && (k == last || !belowMinimum)) {
                slices.add(new ScheduledSlice(times.get(k), slice));
                scheduled = target;
            }
        }
        return new Schedule(slices);
    }

    /** total × fraction, with the double's last-bit noise rounded away so that 9 × (1/3 + 1/3) floors to 6, not 5. */
    private static BigDecimal onTarget(BigDecimal total, double fraction) {
        return total.multiply(BigDecimal.valueOf(fraction)).setScale(9, RoundingMode.HALF_EVEN);
    }
}
