package dev.slipstream.execution.strategy;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a base strategy and lets an {@link Advisor} adjust its decisions. One question is in flight at a time;
 * each decision only looks whether the answer is there ({@link CompletableFuture#isDone()}), so the engine never
 * blocks. An answer taken after {@code timeout}, a failed call or an invalid answer (unknown action, quantity not
 * finite, negative or above what is unsent) means the base decision stands, counted as a fallback.
 * <p>
 * The timeout is judged on the context's clock, simulated in a replay. The latency recorded with an answer is the
 * wall-clock time the advisor took to give it, which a simulated clock cannot show; a late question records the
 * clock time it was waited for.
 */
public final class AdaptiveStrategy implements ExecutionStrategy {

    private final ExecutionStrategy base;
    private final Advisor advisor;
    private final Duration timeout;
    private @Nullable Question pending;
    private int answersUsed;
    private int fallbacks;

    public AdaptiveStrategy(ExecutionStrategy base, Advisor advisor, Duration timeout) {
        this.base = requireNonNull(base, "base");
        this.advisor = requireNonNull(advisor, "advisor");
        this.timeout = requireNonNull(timeout, "timeout");
    }

    /** A question in flight; {@code answeredAtNanos} completes with {@link System#nanoTime()} when it is settled. */
    private record Question(CompletableFuture<AdvisorDecision> answer, Instant askedAt, long askedAtNanos,
            CompletableFuture<Long> answeredAtNanos) {

        static Question ask(Supplier<CompletableFuture<AdvisorDecision>> advisor, Instant now) {
            long askedAtNanos = System.nanoTime();
            CompletableFuture<AdvisorDecision> answer = advisor.get();
            return new Question(answer, now, askedAtNanos, answer.handle((decision, failure) -> System.nanoTime()));
        }

        long answerMillis() {
            return (answeredAtNanos.getNow(System.nanoTime()) - askedAtNanos) / 1_000_000;
        }
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
            pending = Question.ask(() -> ask(request), context.now());
        }
        Question question = pending;
        if (!question.answer().isDone()) {
            long waitedMillis = Duration.between(question.askedAt(), context.now()).toMillis();
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

    private CompletableFuture<AdvisorDecision> ask(AdvisorRequest request) {
        try {
            return advisor.advise(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
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

    /** Fallbacks as a share of the advisor's settled questions; 0 before any. */
    public double fallbackRate() {
        int settled = answersUsed + fallbacks;
        return settled == 0 ? 0 : (double) fallbacks / settled;
    }
}
