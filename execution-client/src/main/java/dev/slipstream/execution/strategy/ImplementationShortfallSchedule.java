package dev.slipstream.execution.strategy;

import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Almgren–Chriss optimal trajectory laid over the parent's horizon: trade n_k is sent at the start of
 * period k. The model is solved in the order's own units (quantity, periods as the time unit).
 */
public final class ImplementationShortfallSchedule {

    private ImplementationShortfallSchedule() {}

    public static Schedule build(ParentOrder parent, Instrument instrument, AlmgrenChrissParameters model) {
        AlmgrenChrissTrajectory trajectory = AlmgrenChrissTrajectory.optimal(model);
        int periods = model.periods();
        Duration period = parent.horizon().dividedBy(periods);
        List<Instant> times = new ArrayList<>();
        double[] cumulative = new double[periods];
        for (int k = 0; k < periods; k++) {
            times.add(parent.start().plus(period.multipliedBy(k)));
            cumulative[k] = 1 - trajectory.holdings()[k + 1] / model.quantity();
        }
        return CumulativeLotSlicer.slice(parent.quantity(), times, cumulative, instrument);
    }
}
