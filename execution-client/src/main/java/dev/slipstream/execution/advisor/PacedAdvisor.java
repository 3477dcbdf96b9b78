package dev.slipstream.execution.advisor;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.strategy.Advisor;
import dev.slipstream.execution.strategy.AdvisorDecision;
import dev.slipstream.execution.strategy.AdvisorRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lets a replay on a simulated clock keep pace with a live advisor. Between two one-minute bars a live engine has
 * a minute of real time, far more than any advisor deadline; a replay has microseconds, so every answer would come
 * "late". The replay calls {@link #awaitSettled} before publishing the next bar; the engine itself still only
 * looks whether the answer is there.
 */
public final class PacedAdvisor implements Advisor {

    private final Advisor advisor;
    private final Duration longestWait;
    private CompletableFuture<AdvisorDecision> inFlight = CompletableFuture.completedFuture(null);

    /** {@code longestWait} bounds each wait: an advisor without a deadline of its own must not stall the replay. */
    public PacedAdvisor(Advisor advisor, Duration longestWait) {
        this.advisor = requireNonNull(advisor, "advisor");
        this.longestWait = requireNonNull(longestWait, "longestWait");
    }

    @Override
    public CompletableFuture<AdvisorDecision> advise(AdvisorRequest request) {
        inFlight = advisor.advise(request);
        return inFlight;
    }

    /** Waits until the last question is answered or failed, or {@code longestWait} has passed. */
    public void awaitSettled() {
        try {
            inFlight.handle((answer, failure) -> null).get(longestWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Still unanswered: the strategy counts it late at its own timeout.
        }
    }
}
