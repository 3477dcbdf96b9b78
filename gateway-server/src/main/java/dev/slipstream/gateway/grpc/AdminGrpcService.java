package dev.slipstream.gateway.grpc;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.util.BlockingTaskExecutor;
import com.linecorp.armeria.server.ServiceRequestContext;

import dev.slipstream.api.gateway.v1.AdminServiceGrpc;
import dev.slipstream.api.gateway.v1.ReloadPromptsRequest;
import dev.slipstream.api.gateway.v1.ReloadPromptsResponse;
import dev.slipstream.gateway.prompt.PromptRegistry;
import dev.slipstream.gateway.prompt.ReloadOutcome;
import io.grpc.stub.StreamObserver;

/** {@code slipstream.gateway.v1.AdminService}: operating the running gateway. */
public final class AdminGrpcService extends AdminServiceGrpc.AdminServiceImplBase {
    private final PromptRegistry prompts;

    public AdminGrpcService(PromptRegistry prompts) {
        this.prompts = requireNonNull(prompts, "prompts");
    }

    @Override
    public void reloadPrompts(ReloadPromptsRequest request, StreamObserver<ReloadPromptsResponse> responseObserver) {
        // Reading and validating the directory is file I/O: off the event loop.
        final BlockingTaskExecutor executor = ServiceRequestContext.current().blockingTaskExecutor();
        executor.execute(() -> {
            final ReloadOutcome outcome = prompts.reload();
            responseObserver.onNext(ReloadPromptsResponse.newBuilder()
                                                         .setApplied(outcome.applied())
                                                         .addAllProblems(outcome.problems())
                                                         .setLiveTemplateCount(outcome.liveTemplateCount())
                                                         .setDirectory(outcome.directory())
                                                         .build());
            responseObserver.onCompleted();
        });
    }
}
