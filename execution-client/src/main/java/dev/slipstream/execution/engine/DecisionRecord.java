package dev.slipstream.execution.engine;

import dev.slipstream.execution.risk.Violation;
import dev.slipstream.execution.strategy.DecisionSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One line of the audit log: a decision, who made it and why, and what became of it. */
public record DecisionRecord(
        Instant time, String parentId, @Nullable String childId, String strategy, DecisionSource source, String action,
        BigDecimal quantity, String reasoning, long advisorLatencyMillis, Outcome outcome, List<Violation> violations,
        EngineState state) {

    public enum Outcome { SENT, BLOCKED, HELD, ALERT, CANCELLED, COMPLETE }
}
