package dev.slipstream.execution.strategy;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a base strategy and lets an {@link Advisor} adjust its decisions. One question is in flight at a time;
 * each decision only looks whether the answer is there, so the engine never blocks. An answer taken after
 * {@code timeout} (judged on the context's clock, see {@link PendingAnswer}), a failed call or an invalid answer
 * (unknown action, quantity not finite, negative or above what is unsent) means the base decision stands, counted as
 * a fallback; a late question records the clock time it was waited for.
 */
public final class AdaptiveStrategy implements AdvisedStrategy {

    private final ExecutionStrategy base;
    private final Advisor advisor;
    private final Duration timeout;
    private @Nullable PendingAnswer<AdvisorDecision> pending;
    private int answersUsed;
    private int fallbacks;

    public AdaptiveStrategy(ExecutionStrategy base, Advisor advisor, Duration timeout) {
        this.base = requireNonNull(base, "base");
        this.advisor = requireNonNull(advisor, "advisor");
        this.timeout = requireNonNull(timeout, "timeout");
    }

    @Override
    public String name() {
        return "adaptive(" + base.name() + ")";
    }

    @Override
    public SliceDecision decide(StrategyContext context) {
        SliceDecision baseDecision = base.decide(context);
        if (pending == null) {
            var request = AdvisorRequest.of(base.name(), context, baseDecision);
            pending = PendingAnswer.ask(() -> advisor.advise(request), context.now());
        }
        PendingAnswer<AdvisorDecision> question = pending;
        if (!question.answer().isDone()) {
            long waitedMillis = question.waitedMillis(context.now());
            if (waitedMillis <= timeout.toMillis()) {
                return baseDecision;
            }
            question.answer().cancel(true);
            pending = null;
            return fallback(baseDecision, "advisor late: no answer after " + waitedMillis + " ms", waitedMillis);
        }
        pending = null;
        long latencyMillis = question.answerMillis();
        if (question.answer().isCompletedExceptionally()) {
            return fallback(baseDecision, "advisor failed: " + question.answer().exceptionNow(), latencyMillis);
        }
        return apply(question.answer().resultNow(), baseDecision, context, latencyMillis);
    }

    private SliceDecision apply(@Nullable AdvisorDecision answer, SliceDecision baseDecision, StrategyContext context,
            long latencyMillis) {
        if (answer == null) {
            return fallback(baseDecision, "advisor answered nothing", latencyMillis);
        }
        var action = AdvisorAction.parse(answer.action());
        if (action.isEmpty()) {
            return fallback(baseDecision, "advisor action unknown: " + answer.action(), latencyMillis);
        }
        BigDecimal quantity = switch (action.get()) {
            case CONTINUE -> baseDecision.quantity();
            case PAUSE -> BigDecimal.ZERO;
            case ACCELERATE, DECELERATE -> {
                double asked = answer.quantity();
                yield Double.isFinite(asked) && asked >= 0 && asked <= context.unsent().doubleValue()
                        ? context.instrument().roundDownToLot(asked) : null;
            }
        };
        if (quantity == null) {
            return fallback(baseDecision, "advisor quantity out of range: " + answer.quantity() + " (unsent "
                    + context.unsent().toPlainString() + ")", latencyMillis);
        }
        answersUsed++;
        return new SliceDecision(quantity, answer.source(), action.get().name(), answer.reasoning(),
                latencyMillis);
    }

    private SliceDecision fallback(SliceDecision baseDecision, String why, long latencyMillis) {
        fallbacks++;
        return new SliceDecision(baseDecision.quantity(), DecisionSource.FALLBACK, baseDecision.action(),
                why + "; " + baseDecision.reasoning(), latencyMillis);
    }

    @Override
    public double fallbackRate() {
        int settled = answersUsed + fallbacks;
        return settled == 0 ? 0 : (double) fallbacks / settled;
    }
}
