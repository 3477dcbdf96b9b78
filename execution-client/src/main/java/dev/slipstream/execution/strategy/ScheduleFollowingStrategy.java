package dev.slipstream.execution.strategy;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/** TWAP, VWAP and IS: send whatever the schedule says is due and not yet sent, catching up after gaps. */
public final class ScheduleFollowingStrategy implements ExecutionStrategy {

    private final String name;
    private final Schedule schedule;

    public ScheduleFollowingStrategy(String name, Schedule schedule) {
        this.name = requireNonNull(name, "name");
        this.schedule = requireNonNull(schedule, "schedule");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SliceDecision decide(StrategyContext context) {
        BigDecimal due = schedule.dueBy(context.now()).subtract(context.sent()).max(BigDecimal.ZERO)
                .min(context.unsent());
        return SliceDecision.base(due, name + " schedule: " + due.toPlainString() + " due");
    }
}
