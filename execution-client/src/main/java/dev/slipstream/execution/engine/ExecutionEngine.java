package dev.slipstream.execution.engine;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.engine.DecisionRecord.Outcome;
import dev.slipstream.execution.order.ChildOrder;
import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.risk.ChildSizer;
import dev.slipstream.execution.risk.OrderCheck;
import dev.slipstream.execution.risk.OrderValidator;
import dev.slipstream.execution.risk.SafetyLimits;
import dev.slipstream.execution.risk.Violation;
import dev.slipstream.execution.strategy.DecisionSource;
import dev.slipstream.execution.strategy.ExecutionStrategy;
import dev.slipstream.execution.strategy.SliceDecision;
import dev.slipstream.execution.strategy.StrategyContext;
import dev.slipstream.execution.venue.Fill;
import dev.slipstream.execution.venue.MarketSnapshot;
import dev.slipstream.execution.venue.OrderStatus;
import dev.slipstream.execution.venue.Venue;
import dev.slipstream.execution.venue.VenueListener;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Works one parent order: on each market event asks the strategy what to send, trims it to the participation and
 * notional caps, passes the child through the validator (a child with any violation is logged and never sent), places it and follows its fills, moving
 * through {@link EngineState} explicitly. Time comes from the clock, simulated in backtests.
 */
public final class ExecutionEngine implements VenueListener {

    private final ParentOrder parent;
    private final Instrument instrument;
    private final ExecutionStrategy strategy;
    private final OrderValidator validator;
    private final ChildSizer sizer;
    private final SafetyLimits limits;
    private final Venue venue;
    private final Clock clock;
    private final AuditLog audit;

    private EngineState state = EngineState.INITIALIZED;
    private final List<EngineState> history = new ArrayList<>(List.of(EngineState.INITIALIZED));
    private final List<Instant> sendTimes = new ArrayList<>();
    private final Set<String> sentIds = new HashSet<>();
    private BigDecimal sent = BigDecimal.ZERO;
    private BigDecimal filled = BigDecimal.ZERO;
    private BigDecimal filledNotional = BigDecimal.ZERO;
    private double volumeSinceStart;
    private boolean shortfallAlerted;

    public ExecutionEngine(ParentOrder parent, Instrument instrument, ExecutionStrategy strategy,
            OrderValidator validator, SafetyLimits limits, Venue venue, Clock clock, AuditLog audit) {
        this.parent = requireNonNull(parent, "parent");
        this.instrument = requireNonNull(instrument, "instrument");
        this.strategy = requireNonNull(strategy, "strategy");
        this.validator = requireNonNull(validator, "validator");
        this.limits = requireNonNull(limits, "limits");
        this.sizer = new ChildSizer(limits);
        this.venue = requireNonNull(venue, "venue");
        this.clock = requireNonNull(clock, "clock");
        this.audit = requireNonNull(audit, "audit");
        venue.subscribe(this);
    }

    public void start() {
        transition(EngineState.ACTIVE);
    }

    public void pause() {
        transition(EngineState.PAUSED);
    }

    public void resume() {
        transition(EngineState.ACTIVE);
    }

    public void cancel(String reason) {
        transition(EngineState.CANCELLED);
        log(null, SliceDecision.base(BigDecimal.ZERO, reason), Outcome.CANCELLED, List.of());
    }

    @Override
    public void onMarketData(MarketSnapshot market) {
        Instant now = clock.instant();
        if (state.isTerminal() || market.time().isBefore(parent.start())) {
            return;
        }
        if (market.time().isAfter(parent.start())) {
            volumeSinceStart += market.lastBarVolume();
        }
        if (state != EngineState.ACTIVE) {
            return;
        }
        if (now.isAfter(parent.deadline())) {
            cancel("deadline " + parent.deadline() + " passed with " + parent.quantity().subtract(filled).toPlainString()
                    + " unfilled");
            return;
        }
        var context = new StrategyContext(parent, instrument, now, sent, filled, market, volumeSinceStart);
        SliceDecision decision = sized(strategy.decide(context), market);
        if (decision.quantity().signum() <= 0) {
            if (decision.source() != DecisionSource.BASE) {
                log(null, decision, Outcome.HELD, List.of());
            }
            return;
        }
        ChildOrder child = ChildOrder.of(parent, sendTimes.size() + 1, decision.quantity(), null, now);
        List<Violation> violations = validator.check(new OrderCheck(child, parent, instrument, market,
                context.unsent(), sendTimes));
        if (!violations.isEmpty()) {
            log(child.id(), decision, Outcome.BLOCKED, violations);
            return;
        }
        transition(EngineState.EXECUTING);
        sent = sent.add(child.quantity());
        sendTimes.add(now);
        sentIds.add(child.id());
        log(child.id(), decision, Outcome.SENT, List.of());
        OrderStatus status = venue.place(child);
        if (status.state() == OrderStatus.State.REJECTED || status.state() == OrderStatus.State.CANCELLED) {
            // What the venue did not fill is not sent: the strategy may schedule it again.
            sent = sent.subtract(child.quantity().subtract(status.filledQuantity()));
            if (state == EngineState.EXECUTING) {
                transition(EngineState.ACTIVE);
            }
        }
    }

    private SliceDecision sized(SliceDecision decision, MarketSnapshot market) {
        BigDecimal quantity = sizer.size(decision.quantity(), parent.side(), market, instrument);
        if (quantity.compareTo(decision.quantity()) == 0) {
            return decision;
        }
        return new SliceDecision(quantity, decision.source(), decision.action(), decision.reasoning() + "; trimmed from "
                + decision.quantity().toPlainString() + " to the participation and notional caps",
                decision.advisorLatencyMillis());
    }

    @Override
    public void onFill(Fill fill) {
        if (!sentIds.contains(fill.childId()) || state.isTerminal()) {
            return;
        }
        filled = filled.add(fill.quantity());
        filledNotional = filledNotional.add(fill.quantity().multiply(fill.price()));
        transition(EngineState.FILLED);
        alertOnShortfall();
        if (filled.compareTo(parent.quantity()) >= 0) {
            transition(EngineState.COMPLETE);
            log(fill.childId(), SliceDecision.base(filled, "parent filled"), Outcome.COMPLETE, List.of());
        } else {
            transition(EngineState.ADJUSTING);
            transition(EngineState.ACTIVE);
        }
    }

    private void alertOnShortfall() {
        double shortfall = shortfallBps();
        if (!shortfallAlerted && shortfall > limits.shortfallAlertBps()) {
            shortfallAlerted = true;
            log(null, SliceDecision.base(BigDecimal.ZERO, "implementation shortfall " + shortfall + " bps above "
                    + limits.shortfallAlertBps()), Outcome.ALERT, List.of());
        }
    }

    /** Realised shortfall of the fills so far against the decision price, in bps; positive is a cost. */
    public double shortfallBps() {
        if (filled.signum() == 0) {
            return 0;
        }
        double decision = parent.decisionPrice().doubleValue();
        return parent.side().sign() * (averagePrice() - decision) / decision * 1e4;
    }

    public double averagePrice() {
        return filled.signum() == 0 ? Double.NaN : filledNotional.divide(filled, MathContext.DECIMAL64).doubleValue();
    }

    private void transition(EngineState to) {
        if (!state.next().contains(to)) {
            throw new IllegalStateException("engine " + parent.id() + ": " + state + " -> " + to + " (expected one of "
                    + state.next() + ")");
        }
        state = to;
        history.add(to);
    }

    private void log(@Nullable String childId, SliceDecision decision, Outcome outcome, List<Violation> violations) {
        audit.record(new DecisionRecord(clock.instant(), parent.id(), childId, strategy.name(), decision.source(),
                decision.action(), decision.quantity(), decision.reasoning(), decision.advisorLatencyMillis(), outcome,
                violations, state));
    }

    public EngineState state() {
        return state;
    }

    public List<EngineState> history() {
        return List.copyOf(history);
    }

    public BigDecimal filled() {
        return filled;
    }

    public int childOrders() {
        return sendTimes.size();
    }

    public ParentOrder parent() {
        return parent;
    }
}
