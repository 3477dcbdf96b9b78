package dev.slipstream.execution.strategy;

import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Percentage of volume: keep what was sent at {@code participation} of the volume traded since the start,
 * rounded down to the lot; a catch-up below the minimum quantity waits. It never chases the deadline, because
 * that would break the participation promise (Bybit's POV strategy behaves the same way).
 */
public final class PovStrategy implements ExecutionStrategy {

    private final double participation;

    public PovStrategy(double participation) {
        if (!(participation > 0 && participation <= 1)) {
            throw new IllegalArgumentException("participation: " + participation + " (expected: in (0, 1])");
        }
        this.participation = participation;
    }

    /** What the strategy would send each interval if the market traded the volume the curve expects. */
    public Schedule forecast(ParentOrder parent, Instrument instrument, Duration interval, VolumeProfile profile) {
        List<ScheduledSlice> slices = new ArrayList<>();
        BigDecimal sent = BigDecimal.ZERO;
        double volume = 0;
        for (Instant at = parent.start(); at.isBefore(parent.deadline()); at = at.plus(interval)) {
            volume += profile.expectedVolume(at, interval);
            BigDecimal due = instrument.roundDownToLot(participation * volume).min(parent.quantity()).subtract(sent);
            if (due.compareTo(instrument.minQuantity()) >= 0) {
                slices.add(new ScheduledSlice(at.plus(interval), due));
                sent = sent.add(due);
            }
        }
        return new Schedule(slices);
    }

    @Override
    public String name() {
        return "pov";
    }

    @Override
    public SliceDecision decide(StrategyContext context) {
        BigDecimal target = context.instrument()
                .roundDownToLot(participation * context.volumeSinceStart());
        BigDecimal due = target.subtract(context.sent()).max(BigDecimal.ZERO).min(context.unsent());
        if (due.compareTo(context.instrument().minQuantity()) < 0 && due.compareTo(context.unsent()) < 0) {
            due = BigDecimal.ZERO;
        }
        return SliceDecision.base(due, "pov " + participation + " of " + context.volumeSinceStart());
    }
}
