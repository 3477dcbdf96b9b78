package dev.slipstream.execution.strategy;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a base strategy and lets an {@link Advisor} adjust its decisions. One question is in flight at a time;
 * each decision only looks whether the answer is there ({@link CompletableFuture#isDone()}), so the engine never
 * blocks. An answer taken after {@code timeout}, a failed call or an invalid answer (unknown action, quantity not
 * finite, negative or above what is unsent) means the base decision stands, counted as a fallback.
 */
public final class AdaptiveStrategy implements ExecutionStrategy {

    private final ExecutionStrategy base;
    private final Advisor advisor;
    private final Duration timeout;
    private @Nullable CompletableFuture<AdvisorDecision> pending;
    private Instant askedAt = Instant.EPOCH;
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
            askedAt = context.now();
            pending = ask(AdvisorRequest.of(base.name(), context, baseDecision));
        }
        long latencyMillis = Duration.between(askedAt, context.now()).toMillis();
        if (!pending.isDone()) {
            if (latencyMillis <= timeout.toMillis()) {
                return baseDecision;
            }
            pending.cancel(true);
            pending = null;
            return fallback(baseDecision, "advisor late: no answer after " + latencyMillis + " ms", latencyMillis);
        }
        CompletableFuture<AdvisorDecision> answered = pending;
        pending = null;
        if (answered.isCompletedExceptionally()) {
            return fallback(baseDecision, "advisor failed: " + answered.exceptionNow(), latencyMillis);
        }
        return apply(answered.resultNow(), baseDecision, context, latencyMillis);
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
