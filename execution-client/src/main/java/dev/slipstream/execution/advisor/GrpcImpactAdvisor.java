package dev.slipstream.execution.advisor;

import static java.util.Objects.requireNonNull;

import dev.slipstream.api.execution.v1.ExecutionAdvisorServiceGrpc.ExecutionAdvisorServiceStub;
import dev.slipstream.api.execution.v1.ImpactAdjustmentResponse;
import dev.slipstream.execution.strategy.ImpactAdvisor;
import dev.slipstream.execution.strategy.ImpactAnswer;
import dev.slipstream.execution.strategy.ImpactQuestion;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks the gateway's {@code ImpactAdjustment} over gRPC, each call with {@code deadline}; a failed call or the
 * gateway's baseline (factor 1.0 because its model could not answer) fails the future, so the strategy keeps its
 * current plan and counts a fallback.
 */
public final class GrpcImpactAdvisor implements ImpactAdvisor {

    private final ExecutionAdvisorServiceStub stub;
    private final Duration deadline;

    public GrpcImpactAdvisor(URI gateway, String apiKey, Duration deadline) {
        this(GatewayStubs.advisor(gateway, apiKey), deadline);
    }

    GrpcImpactAdvisor(ExecutionAdvisorServiceStub stub, Duration deadline) {
        this.stub = requireNonNull(stub, "stub");
        this.deadline = requireNonNull(deadline, "deadline");
    }

    @Override
    public CompletableFuture<ImpactAnswer> adjust(ImpactQuestion question) {
        var observer = new AnswerObserver<ImpactAdjustmentResponse, ImpactAnswer>(response -> new ImpactAnswer(
                response.getAdjustmentFactor(), response.getConfidence(), response.getReasoning(),
                AdvisorProtos.source(response.getSource(), response.getBaselineReason())));
        stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .impactAdjustment(ImpactRequests.of(question), observer);
        return observer.answer();
    }
}
