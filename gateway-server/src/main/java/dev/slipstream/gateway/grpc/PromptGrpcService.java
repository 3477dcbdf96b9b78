package dev.slipstream.gateway.grpc;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.server.ServiceRequestContext;

import dev.slipstream.api.gateway.v1.GetPromptRequest;
import dev.slipstream.api.gateway.v1.GetPromptResponse;
import dev.slipstream.api.gateway.v1.InvokePromptRequest;
import dev.slipstream.api.gateway.v1.InvokePromptResponse;
import dev.slipstream.api.gateway.v1.ListPromptsRequest;
import dev.slipstream.api.gateway.v1.ListPromptsResponse;
import dev.slipstream.api.gateway.v1.PromptServiceGrpc;
import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.routing.Deadline;
import dev.slipstream.gateway.prompt.LivePrompts;
import dev.slipstream.gateway.prompt.OutputCheck;
import dev.slipstream.gateway.prompt.PromptInvoker;
import dev.slipstream.prompts.PromptTemplate;
import io.grpc.stub.StreamObserver;

/** {@code slipstream.gateway.v1.PromptService} over the live templates and {@link PromptInvoker}. */
public final class PromptGrpcService extends PromptServiceGrpc.PromptServiceImplBase {
    private final PromptInvoker invoker;

    public PromptGrpcService(PromptInvoker invoker) {
        this.invoker = requireNonNull(invoker, "invoker");
    }

    @Override
    public void listPrompts(ListPromptsRequest request, StreamObserver<ListPromptsResponse> responseObserver) {
        final LivePrompts prompts = invoker.registry().live();
        final Principal caller = Principal.current();
        final ListPromptsResponse.Builder response = ListPromptsResponse.newBuilder();
        // Only the prompts the caller's key may use.
        prompts.ids().stream().filter(caller.prompts()::matches)
               .forEach(id -> response.addPrompts(PromptProtos.summary(prompts.versions(id))));
        responseObserver.onNext(response.build());
        responseObserver.onCompleted();
    }

    @Override
    public void getPrompt(GetPromptRequest request, StreamObserver<GetPromptResponse> responseObserver) {
        final LivePrompts prompts = invoker.registry().live();
        final PromptTemplate template;
        try {
            Principal.current().requirePrompt(request.getPromptId());
            template = prompts.require(request.getPromptId(), request.getVersion());
        } catch (RuntimeException e) {
            responseObserver.onError(e);
            return;
        }
        responseObserver.onNext(PromptProtos.details(template, prompts.versions(template.id())));
        responseObserver.onCompleted();
    }

    @Override
    public void invokePrompt(InvokePromptRequest request, StreamObserver<InvokePromptResponse> responseObserver) {
        final Deadline deadline = Deadline.of(ServiceRequestContext.current());
        final Principal caller = Principal.current();
        UnaryReplies.reply(() -> invoker.invoke(caller, request.getPromptId(), request.getVersion(),
                                                StructJson.toJson(request.getVariables()), OutputCheck.NONE,
                                                request.getRequestId(), request.getSessionId(), deadline),
                           PromptProtos::invokeResponse, responseObserver);
    }
}
