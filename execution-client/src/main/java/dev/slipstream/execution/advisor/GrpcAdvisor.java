package dev.slipstream.execution.advisor;

import static java.util.Objects.requireNonNull;

import dev.slipstream.api.execution.v1.ExecutionAdvisorServiceGrpc.ExecutionAdvisorServiceStub;
import dev.slipstream.api.execution.v1.ExecutionDecisionResponse;
import dev.slipstream.execution.risk.SafetyLimits;
import dev.slipstream.execution.strategy.Advisor;
import dev.slipstream.execution.strategy.AdvisorDecision;
import dev.slipstream.execution.strategy.AdvisorRequest;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks the gateway's {@code ExecutionDecision} over gRPC. Each call carries a deadline of the limits' advisor
 * timeout, so the gateway knows how long it may wait for its model; a failed answer ({@link AnswerObserver}) leaves
 * the base decision standing.
 */
public final class GrpcAdvisor implements Advisor {

    private final ExecutionAdvisorServiceStub stub;
    private final SafetyLimits limits;

    public GrpcAdvisor(URI gateway, String apiKey, SafetyLimits limits) {
        this(GatewayStubs.advisor(gateway, apiKey), limits);
    }

    GrpcAdvisor(ExecutionAdvisorServiceStub stub, SafetyLimits limits) {
        this.stub = requireNonNull(stub, "stub");
        this.limits = requireNonNull(limits, "limits");
    }

    @Override
    public CompletableFuture<AdvisorDecision> advise(AdvisorRequest request) {
        var observer = new AnswerObserver<ExecutionDecisionResponse, AdvisorDecision>(
                response -> DecisionAnswers.of(response, request.baseQuantity()));
        stub.withDeadlineAfter(limits.advisorTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .executionDecision(DecisionRequests.of(request, limits), observer);
        return observer.answer();
    }
}
