package dev.slipstream.execution.advisor;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.grpc.GrpcService;
import dev.slipstream.api.execution.v1.ExecutionAdvisorServiceGrpc.ExecutionAdvisorServiceImplBase;
import dev.slipstream.api.execution.v1.ExecutionDecisionRequest;
import dev.slipstream.api.execution.v1.ExecutionDecisionResponse;
import dev.slipstream.api.execution.v1.ImpactAdjustmentRequest;
import dev.slipstream.api.execution.v1.ImpactAdjustmentResponse;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * An {@code ExecutionAdvisorService} on a free loopback port that answers every call of a method with one scripted
 * response, or never when none is scripted, and remembers each request with its authorization header.
 */
public final class FakeAdvisorService extends ExecutionAdvisorServiceImplBase implements AutoCloseable {

    public record Received<T>(T request, String authorization) {}

    private final List<Received<ExecutionDecisionRequest>> received = new CopyOnWriteArrayList<>();
    private final List<Received<ImpactAdjustmentRequest>> receivedImpact = new CopyOnWriteArrayList<>();
    private final Server server;
    private volatile @Nullable ExecutionDecisionResponse answer;
    private volatile @Nullable ImpactAdjustmentResponse impactAnswer;

    public FakeAdvisorService() {
        server = Server.builder()
                .http(new InetSocketAddress("127.0.0.1", 0))
                .gracefulShutdownTimeoutMillis(0, 0)
                .service(GrpcService.builder().addService(this).build())
                .build();
        server.start().join();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.activeLocalPort());
    }

    public void answerWith(@Nullable ExecutionDecisionResponse response) {
        answer = response;
    }

    public void answerImpactWith(@Nullable ImpactAdjustmentResponse response) {
        impactAnswer = response;
    }

    public List<Received<ExecutionDecisionRequest>> received() {
        return received;
    }

    public List<Received<ImpactAdjustmentRequest>> receivedImpact() {
        return receivedImpact;
    }

    @Override
    public void executionDecision(ExecutionDecisionRequest request,
            StreamObserver<ExecutionDecisionResponse> responses) {
        received.add(new Received<>(request, authorization()));
        answer(answer, responses);
    }

    @Override
    public void impactAdjustment(ImpactAdjustmentRequest request, StreamObserver<ImpactAdjustmentResponse> responses) {
        receivedImpact.add(new Received<>(request, authorization()));
        answer(impactAnswer, responses);
    }

    private static String authorization() {
        return ServiceRequestContext.current().request().headers().get("authorization");
    }

    private static <T> void answer(@Nullable T scripted, StreamObserver<T> responses) {
        if (scripted != null) {
            responses.onNext(scripted);
            responses.onCompleted();
        }
    }

    @Override
    public void close() {
        server.stop().join();
    }
}
