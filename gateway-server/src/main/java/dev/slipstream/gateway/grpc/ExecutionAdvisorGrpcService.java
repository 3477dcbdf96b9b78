package dev.slipstream.gateway.grpc;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.server.ServiceRequestContext;

import dev.slipstream.api.execution.v1.ExecutionAdvisorServiceGrpc;
import dev.slipstream.api.execution.v1.ExecutionDecisionRequest;
import dev.slipstream.api.execution.v1.ExecutionDecisionResponse;
import dev.slipstream.api.execution.v1.ImpactAdjustmentRequest;
import dev.slipstream.api.execution.v1.ImpactAdjustmentResponse;
import dev.slipstream.gateway.advisor.ExecutionDecisionAdvisor;
import dev.slipstream.gateway.advisor.ImpactAdjustmentAdvisor;
import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;
import dev.slipstream.gateway.routing.Deadline;
import dev.slipstream.gateway.prompt.OutputCheck;
import dev.slipstream.gateway.prompt.PromptAnswer;
import dev.slipstream.gateway.prompt.PromptInvoker;
import io.grpc.stub.StreamObserver;

/**
 * {@code slipstream.execution.v1.ExecutionAdvisorService}: the typed trading RPCs over their templates. Every
 * reply is a safe answer in time; only a malformed request is an error.
 */
public final class ExecutionAdvisorGrpcService extends ExecutionAdvisorServiceGrpc.ExecutionAdvisorServiceImplBase {
    private final PromptInvoker invoker;

    public ExecutionAdvisorGrpcService(PromptInvoker invoker) {
        this.invoker = requireNonNull(invoker, "invoker");
    }

    @Override
    public void impactAdjustment(ImpactAdjustmentRequest request,
                                 StreamObserver<ImpactAdjustmentResponse> responseObserver) {
        final Deadline deadline = Deadline.of(ServiceRequestContext.current());
        UnaryReplies.reply(() -> advise(ImpactAdjustmentAdvisor.PROMPT_ID, ImpactAdjustmentAdvisor.variables(request),
                                        ImpactAdjustmentAdvisor.check(), request.getRequestId(),
                                        request.getSessionId(), deadline,
                                        answer -> ImpactAdjustmentAdvisor.response(request, answer),
                                        reason -> ImpactAdjustmentAdvisor.withoutPrompt(request, reason)),
                           Function.identity(), responseObserver);
    }

    @Override
    public void executionDecision(ExecutionDecisionRequest request,
                                  StreamObserver<ExecutionDecisionResponse> responseObserver) {
        final Deadline deadline = Deadline.of(ServiceRequestContext.current());
        UnaryReplies.reply(() -> advise(ExecutionDecisionAdvisor.PROMPT_ID, ExecutionDecisionAdvisor.variables(request),
                                        ExecutionDecisionAdvisor.check(request), request.getRequestId(),
                                        request.getSessionId(), deadline,
                                        answer -> ExecutionDecisionAdvisor.response(request, answer),
                                        reason -> ExecutionDecisionAdvisor.withoutPrompt(request, reason)),
                           Function.identity(), responseObserver);
    }

    /**
     * Invokes the template for the calling key; a template that is not loaded gets the baseline, not an
     * error, while a key that may not use it, or a session it does not own, is refused.
     */
    private <R> CompletableFuture<R> advise(String promptId, JsonNode variables, OutputCheck check,
                                            String requestId, String sessionId, Deadline deadline,
                                            Function<PromptAnswer, R> toResponse, Function<String, R> withoutPrompt) {
        try {
            return invoker.invoke(Principal.current(), promptId, 0, variables, check, requestId, sessionId, deadline)
                          .thenApply(toResponse);
        } catch (GatewayException e) {
            if (e.reason() == ErrorReason.PROMPT_NOT_FOUND) {
                return CompletableFuture.completedFuture(withoutPrompt.apply(e.getMessage()));
            }
            throw e;
        }
    }
}
