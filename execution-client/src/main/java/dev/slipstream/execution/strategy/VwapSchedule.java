package dev.slipstream.execution.strategy;

import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Slices in proportion to the volume the historical curve expects in each interval, so the fills track the
 * market's VWAP over the horizon.
 */
public final class VwapSchedule {

    private VwapSchedule() {}

    public static Schedule build(ParentOrder parent, Instrument instrument, Duration interval, VolumeProfile profile) {
        if (interval.toMinutes() < 1) {
            throw new IllegalArgumentException("interval: " + interval + " (expected: >= 1 minute, the curve's step)");
        }
        int count = (int) Math.max(1, parent.horizon().toMinutes() / interval.toMinutes());
        double[] expected = new double[count];
        double total = 0;
        for (int k = 0; k < count; k++) {
            expected[k] = profile.expectedVolume(parent.start().plus(interval.multipliedBy(k)), interval);
            total += expected[k];
        }
        List<Instant> times = new ArrayList<>();
        double[] cumulative = new double[count];
        double running = 0;
        for (int k = 0; k < count; k++) {
            running += total == 0 ? 1.0 / count : expected[k] / total;
            cumulative[k] = running;
            times.add(parent.start().plus(interval.multipliedBy(k)));
        }
        return CumulativeLotSlicer.slice(parent.quantity(), times, cumulative, instrument);
    }
}
