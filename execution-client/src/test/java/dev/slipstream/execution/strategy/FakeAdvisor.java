package dev.slipstream.execution.strategy;

import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/** Advisors for tests: sensible, absurd, late, failing, or a random mix of all of them. */
public final class FakeAdvisor {

    private FakeAdvisor() {}

    public static Advisor answering(String action, double quantity) {
        return request -> CompletableFuture.completedFuture(
                new AdvisorDecision(action, quantity, 1.0, 0.9, "fake says " + action + " " + quantity));
    }

    /** Never answers: every question runs past the deadline. */
    public static Advisor silent() {
        return request -> new CompletableFuture<>();
    }

    public static Advisor failing() {
        return request -> CompletableFuture.failedFuture(new IllegalStateException("gateway unavailable"));
    }

    public static Advisor throwing() {
        return request -> {
            throw new IllegalStateException("client bug");
        };
    }

    /** Any of the above per question, with quantities from sensible to absurd (negative, NaN, infinite, 1e12). */
    public static Advisor chaotic(RandomGenerator random) {
        String[] actions = {"CONTINUE", "ACCELERATE", "DECELERATE", "PAUSE", "SELL_EVERYTHING", "", "accelerate"};
        return request -> {
            double quantity = switch (random.nextInt(7)) {
                case 0 -> -request.unsent();
                case 1 -> Double.NaN;
                case 2 -> Double.POSITIVE_INFINITY;
                case 3 -> 1e12;
                case 4 -> request.unsent();
                default -> request.unsent() * random.nextDouble();
            };
            return switch (random.nextInt(10)) {
                case 0 -> new CompletableFuture<>();
                case 1 -> CompletableFuture.failedFuture(new IllegalStateException("gateway unavailable"));
                case 2 -> throw new IllegalStateException("client bug");
                default -> CompletableFuture.completedFuture(new AdvisorDecision(
                        actions[random.nextInt(actions.length)], quantity, random.nextDouble() * 10 - 5,
                        random.nextDouble(), "chaos"));
            };
        };
    }
}
