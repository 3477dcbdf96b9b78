package dev.slipstream.execution.advisor;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.client.grpc.GrpcClients;
import dev.slipstream.api.execution.v1.ExecutionAdvisorServiceGrpc;
import dev.slipstream.api.execution.v1.ExecutionAdvisorServiceGrpc.ExecutionAdvisorServiceStub;
import java.net.URI;

/** The gateway's advisor service, authenticated with an API key of scope {@code prompts}. */
final class GatewayStubs {

    private GatewayStubs() {}

    static ExecutionAdvisorServiceStub advisor(URI gateway, String apiKey) {
        return GrpcClients.builder(gateway)
                .addHeader("authorization", "Bearer " + requireNonNull(apiKey, "apiKey"))
                .build(ExecutionAdvisorServiceGrpc.ExecutionAdvisorServiceStub.class);
    }
}
