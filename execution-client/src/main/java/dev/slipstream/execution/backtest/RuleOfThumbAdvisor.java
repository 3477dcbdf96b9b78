package dev.slipstream.execution.backtest;

import dev.slipstream.execution.strategy.Advisor;
import dev.slipstream.execution.strategy.AdvisorDecision;
import dev.slipstream.execution.strategy.AdvisorRequest;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * A deterministic stand-in for the gateway's ExecutionDecision while the gRPC advisor is built elsewhere: slow down
 * in turbulent minutes, catch up late in the horizon. A seeded share of questions goes unanswered or fails, so
 * the backtest exercises the fallback path the real advisor will need.
 */
final class RuleOfThumbAdvisor implements Advisor {

    /** One-minute volatility above which the rule halves the base slice: roughly twice January 2022's median. */
    static final double TURBULENT_VOLATILITY = 0.002;

    private final RandomGenerator random;
    private final double failureRate;

    RuleOfThumbAdvisor(RandomGenerator random, double failureRate) {
        this.random = random;
        this.failureRate = failureRate;
    }

    @Override
    public CompletableFuture<AdvisorDecision> advise(AdvisorRequest request) {
        if (random.nextDouble() < failureRate) {
            return random.nextBoolean() ? new CompletableFuture<>()
                    : CompletableFuture.failedFuture(new IllegalStateException("advisor unavailable"));
        }
        AdvisorDecision decision;
        if (request.volatility() > TURBULENT_VOLATILITY) {
            decision = new AdvisorDecision("DECELERATE", request.baseQuantity() / 2, 1.5, 0.6,
                    "volatility " + request.volatility() + " above " + TURBULENT_VOLATILITY + ": halve the slice");
        } else if (request.elapsedFraction() > 0.8 && request.unsent() > 2 * request.baseQuantity()) {
            decision = new AdvisorDecision("ACCELERATE", Math.min(request.unsent(), 1.5 * request.baseQuantity()), 1.0,
                    0.6, "late in the horizon with " + request.unsent() + " unsent: catch up");
        } else {
            decision = new AdvisorDecision("CONTINUE", request.baseQuantity(), 1.0, 0.8, "calm market: keep the pace");
        }
        return CompletableFuture.completedFuture(decision);
    }
}
