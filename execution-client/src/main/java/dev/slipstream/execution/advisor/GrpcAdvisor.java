package dev.slipstream.execution.advisor;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.client.grpc.GrpcClients;
import dev.slipstream.api.execution.v1.ExecutionAdvisorServiceGrpc;
import dev.slipstream.api.execution.v1.ExecutionAdvisorServiceGrpc.ExecutionAdvisorServiceStub;
import dev.slipstream.api.execution.v1.ExecutionDecisionResponse;
import dev.slipstream.execution.risk.SafetyLimits;
import dev.slipstream.execution.strategy.Advisor;
import dev.slipstream.execution.strategy.AdvisorDecision;
import dev.slipstream.execution.strategy.AdvisorRequest;
import io.grpc.stub.StreamObserver;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks the gateway's {@code ExecutionDecision} over gRPC. Each call carries a deadline of the limits' advisor
 * timeout, so the gateway knows how long it may wait for its model; the future fails on any gRPC error
 * (UNAVAILABLE when the gateway is down, DEADLINE_EXCEEDED when it is late) or when the gateway only had its
 * baseline, and the adaptive strategy then keeps the base decision.
 */
public final class GrpcAdvisor implements Advisor {

    private final ExecutionAdvisorServiceStub stub;
    private final SafetyLimits limits;

    public GrpcAdvisor(URI gateway, String apiKey, SafetyLimits limits) {
        this(GrpcClients.builder(gateway)
                .addHeader("authorization", "Bearer " + requireNonNull(apiKey, "apiKey"))
                .build(ExecutionAdvisorServiceGrpc.ExecutionAdvisorServiceStub.class), limits);
    }

    GrpcAdvisor(ExecutionAdvisorServiceStub stub, SafetyLimits limits) {
        this.stub = requireNonNull(stub, "stub");
        this.limits = requireNonNull(limits, "limits");
    }

    @Override
    public CompletableFuture<AdvisorDecision> advise(AdvisorRequest request) {
        var answer = new CompletableFuture<AdvisorDecision>();
        stub.withDeadlineAfter(limits.advisorTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .executionDecision(DecisionRequests.of(request, limits), new StreamObserver<>() {
                    @Override
                    public void onNext(ExecutionDecisionResponse response) {
                        try {
                            answer.complete(DecisionAnswers.of(response, request.baseQuantity()));
                        } catch (GatewayBaselineException e) {
                            answer.completeExceptionally(e);
                        }
                    }

                    @Override
                    public void onError(Throwable failure) {
                        answer.completeExceptionally(failure);
                    }

                    @Override
                    public void onCompleted() {
                        answer.completeExceptionally(new IllegalStateException("gateway closed the call unanswered"));
                    }
                });
        return answer;
    }
}
