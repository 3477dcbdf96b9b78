package dev.slipstream.execution.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Slices in time order; what a schedule-following strategy should have sent by any instant. */
public record Schedule(List<ScheduledSlice> slices) {

    public Schedule {
        slices = List.copyOf(slices);
    }

    public BigDecimal dueBy(Instant now) {
        BigDecimal due = BigDecimal.ZERO;
        for (ScheduledSlice slice : slices) {
            if (slice.at().isAfter(now)) {
                break;
            }
            due = due.add(slice.quantity());
        }
        return due;
    }

    public BigDecimal total() {
        return slices.stream().map(ScheduledSlice::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<BigDecimal> quantities() {
        return slices.stream().map(ScheduledSlice::quantity).map(BigDecimal::stripTrailingZeros).toList();
    }
}
