package dev.slipstream.execution.strategy;

import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Equal slices every {@code interval}, following nautilus_trader's TWAP: floor(horizon/interval) slices, each
 * rounded down to the lot with the remainder in one extra slice at the deadline; if a slice would be below the
 * minimum quantity the whole order goes at once. Optional size randomisation (Bybit's TWAP offers ±20 %) moves
 * each slice by up to ±{@code randomisation} and lets the last one absorb the difference.
 */
public final class TwapSchedule {

    private TwapSchedule() {}

    public static Schedule build(ParentOrder parent, Instrument instrument, Duration interval, double randomisation,
            RandomGenerator random) {
        Duration horizon = parent.horizon();
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval: " + interval + " (expected: > 0)");
        }
        if (horizon.compareTo(interval) < 0) {
            throw new IllegalArgumentException("interval: " + interval + " (expected: <= horizon " + horizon + ")");
        }
        if (!(randomisation >= 0 && randomisation < 1)) {
            throw new IllegalArgumentException("randomisation: " + randomisation + " (expected: in [0, 1))");
        }
        int count = (int) (horizon.toMillis() / interval.toMillis());
        BigDecimal quantity = parent.quantity();
        BigDecimal each = instrument.roundDownToLot(quantity.divide(BigDecimal.valueOf(count),
                quantity.scale() + 12, RoundingMode.FLOOR));
        if (each.compareTo(instrument.minQuantity()) < 0) {
            return new Schedule(List.of(new ScheduledSlice(parent.start(), quantity)));
        }
        List<ScheduledSlice> slices = new ArrayList<>();
        BigDecimal scheduled = BigDecimal.ZERO;
        for (int k = 0; k < count; k++) {
            BigDecimal size = randomisation == 0 ? each : randomised(each, randomisation, random, instrument);
            size = size.min(quantity.subtract(scheduled));
            if (size.signum() > 0) {
                slices.add(new ScheduledSlice(parent.start().plus(interval.multipliedBy(k)), size));
                scheduled = scheduled.add(size);
            }
        }
        BigDecimal remainder = quantity.subtract(scheduled);
        if (remainder.signum() > 0) {
            Instant end = parent.start().plus(interval.multipliedBy(count));
            slices.add(new ScheduledSlice(end, remainder));
        }
        return new Schedule(slices);
    }

    private static BigDecimal randomised(BigDecimal each, double randomisation, RandomGenerator random,
            Instrument instrument) {
        double factor = 1 + randomisation * (2 * random.nextDouble() - 1);
        BigDecimal size = instrument.roundDownToLot(each.doubleValue() * factor);
        return size.max(instrument.minQuantity().max(instrument.lotSize()));
    }
}
