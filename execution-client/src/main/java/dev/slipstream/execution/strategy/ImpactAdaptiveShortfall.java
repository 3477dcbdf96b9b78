package dev.slipstream.execution.strategy;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Implementation shortfall that re-plans when an {@link ImpactAdvisor} (the gateway's {@code ImpactAdjustment})
 * judges the impact model too optimistic or too pessimistic for the market now: the remainder is re-solved with
 * Almgren–Chriss, its impact coefficients scaled by the factor. More impact than modelled means a flatter, slower
 * trajectory; less means trading sooner to cut the price risk.
 * <p>
 * The advisor is asked at the start and every {@code refreshInterval}, one question at a time, and the engine
 * never waits for it: a late (past {@code timeout} on the strategy's clock), failed or out-of-range answer keeps the
 * current plan, is counted as a fallback, and the question is asked again one period later.
 */
public final class ImpactAdaptiveShortfall implements AdvisedStrategy {

    public static final String NAME = "adaptive-is";

    private final ParentOrder parent;
    private final Instrument instrument;
    private final ShortfallCoefficients coefficients;
    private final Duration period;
    private final ImpactAdvisor advisor;
    private final Duration refreshInterval;
    private final Duration timeout;
    private @Nullable Plan plan;
    private @Nullable PendingAnswer<ImpactAnswer> pending;
    private @Nullable Instant nextQuestionAt;
    private int answersUsed;
    private int fallbacks;

    /** A schedule for what was unsent when it was made, and how much had been sent then. */
    private record Plan(Schedule schedule, BigDecimal sentBefore, double factor) {

        BigDecimal due(StrategyContext context) {
            return schedule.dueBy(context.now()).subtract(context.sent().subtract(sentBefore)).max(BigDecimal.ZERO)
                    .min(context.unsent());
        }
    }

    /** {@code coefficients} are per {@code period}, the trajectory's time step. */
    public ImpactAdaptiveShortfall(ParentOrder parent, Instrument instrument, ShortfallCoefficients coefficients,
            Duration period, ImpactAdvisor advisor, Duration refreshInterval, Duration timeout) {
        this.parent = requireNonNull(parent, "parent");
        this.instrument = requireNonNull(instrument, "instrument");
        this.coefficients = requireNonNull(coefficients, "coefficients");
        this.period = requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period: " + period + " (expected: > 0)");
        }
        this.advisor = requireNonNull(advisor, "advisor");
        this.refreshInterval = requireNonNull(refreshInterval, "refreshInterval");
        this.timeout = requireNonNull(timeout, "timeout");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SliceDecision decide(StrategyContext context) {
        if (context.unsent().signum() == 0) {
            return SliceDecision.base(BigDecimal.ZERO, NAME + ": nothing unsent");
        }
        if (!context.now().isBefore(parent.deadline())) {
            return SliceDecision.base(context.unsent(), NAME + ": deadline reached, sending the rest");
        }
        if (plan == null) {
            plan = plan(context, 1.0);
        }
        SliceDecision decision = settleQuestion(context);
        if (pending == null && (nextQuestionAt == null || !context.now().isBefore(nextQuestionAt))) {
            var question = question(context);
            pending = PendingAnswer.ask(() -> advisor.adjust(question), context.now());
            nextQuestionAt = context.now().plus(refreshInterval);
        }
        return decision;
    }

    private SliceDecision settleQuestion(StrategyContext context) {
        Plan current = requireNonNull(plan);
        PendingAnswer<ImpactAnswer> question = pending;
        if (question == null) {
            return base(context, current);
        }
        if (!question.answer().isDone()) {
            long waitedMillis = question.waitedMillis(context.now());
            if (waitedMillis <= timeout.toMillis()) {
                return base(context, current);
            }
            question.answer().cancel(true);
            pending = null;
            return fallback(context, current, "impact advisor late: no answer after " + waitedMillis + " ms",
                    waitedMillis);
        }
        pending = null;
        long latencyMillis = question.answerMillis();
        if (question.answer().isCompletedExceptionally()) {
            return fallback(context, current, "impact advisor failed: " + question.answer().exceptionNow(),
                    latencyMillis);
        }
        ImpactAnswer answer = question.answer().resultNow();
        if (answer == null || !answer.hasValidFactor()) {
            return fallback(context, current, "impact factor out of range: "
                    + (answer == null ? "none" : answer.factor()), latencyMillis);
        }
        answersUsed++;
        BigDecimal before = current.due(context);
        Plan replanned = plan(context, answer.factor());
        plan = replanned;
        BigDecimal due = replanned.due(context);
        String action = due.compareTo(before) > 0 ? AdvisorAction.ACCELERATE.name()
                : due.compareTo(before) < 0 ? AdvisorAction.DECELERATE.name() : AdvisorAction.CONTINUE.name();
        return new SliceDecision(due, answer.source(), action, String.format(Locale.ROOT,
                "impact factor %.2f (confidence %.2f), re-planned %s over %d periods: %s", answer.factor(),
                answer.confidence(), context.unsent().toPlainString(), periodsLeft(context.now()), answer.reasoning()),
                latencyMillis);
    }

    private SliceDecision base(StrategyContext context, Plan current) {
        BigDecimal due = current.due(context);
        return SliceDecision.base(due, String.format(Locale.ROOT, "%s schedule (impact factor %.2f): %s due", NAME,
                current.factor(), due.toPlainString()));
    }

    /** Counts the fallback and asks again one period on rather than a whole refresh interval. */
    private SliceDecision fallback(StrategyContext context, Plan current, String why, long latencyMillis) {
        fallbacks++;
        nextQuestionAt = context.now().plus(period);
        BigDecimal due = current.due(context);
        return new SliceDecision(due, DecisionSource.FALLBACK, AdvisorAction.CONTINUE.name(),
                why + String.format(Locale.ROOT, "; keeping the plan (impact factor %.2f)", current.factor()),
                latencyMillis);
    }

    private Plan plan(StrategyContext context, double factor) {
        var remainder = new ParentOrder(parent.id(), parent.symbol(), parent.side(), context.unsent(), context.now(),
                parent.deadline(), parent.decisionPrice(), parent.riskAversion());
        var model = coefficients.forRemainder(context.unsent().doubleValue(), periodsLeft(context.now()), factor);
        return new Plan(ImplementationShortfallSchedule.build(remainder, instrument, model), context.sent(), factor);
    }

    /** The unadjusted model's expected cost of the remainder, in bps of its notional at mid. */
    private ImpactQuestion question(StrategyContext context) {
        double unsent = context.unsent().doubleValue();
        double mid = context.market().mid();
        var trajectory = AlmgrenChrissTrajectory.optimal(
                coefficients.forRemainder(unsent, periodsLeft(context.now()), 1.0));
        return new ImpactQuestion(parent, context.now(), unsent, Duration.between(context.now(), parent.deadline()),
                mid, context.market().spreadBps(), context.market().volatility(), context.market().lastBarVolume(),
                trajectory.expectedCost() / (unsent * mid) * 1e4);
    }

    private int periodsLeft(Instant now) {
        return (int) Math.max(1, Duration.between(now, parent.deadline()).toMillis() / period.toMillis());
    }

    @Override
    public double fallbackRate() {
        int settled = answersUsed + fallbacks;
        return settled == 0 ? 0 : (double) fallbacks / settled;
    }
}
