package dev.slipstream.gateway.testing;

import java.util.List;
import java.util.Map;

import com.linecorp.armeria.client.grpc.GrpcClientBuilder;
import com.linecorp.armeria.client.grpc.GrpcClients;

import dev.slipstream.api.gateway.v1.ChatServiceGrpc;
import dev.slipstream.api.gateway.v1.SessionServiceGrpc;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.config.ModelConfig;
import dev.slipstream.gateway.config.ProviderConfig;
import dev.slipstream.gateway.config.ServerConfig;
import dev.slipstream.gateway.server.Gateway;

/**
 * A gateway started for a test on a free loopback port, with the production wiring, and gRPC stubs that
 * send its API key. Close it in {@code @AfterAll}/{@code @AfterEach}.
 */
public final class RunningGateway implements AutoCloseable {
    public static final String API_KEY = "test-api-key-0123456789";

    private final Gateway gateway;

    private RunningGateway(Gateway gateway) {
        this.gateway = gateway;
    }

    /** The embedded default (local provider only), on a free port. */
    public static RunningGateway embedded() {
        return start(EmbeddedConfig.create(Map.of()));
    }

    /** The embedded default plus {@code providers} and {@code models}. */
    public static RunningGateway withProviders(List<ProviderConfig> providers, List<ModelConfig> models) {
        final GatewayConfig embedded = EmbeddedConfig.create(Map.of());
        final List<ProviderConfig> allProviders =
                java.util.stream.Stream.concat(embedded.providers().stream(), providers.stream()).toList();
        final List<ModelConfig> allModels =
                java.util.stream.Stream.concat(embedded.models().stream(), models.stream()).toList();
        return start(embedded.withProviders(allProviders).withModels(allModels));
    }

    public static RunningGateway start(GatewayConfig config) {
        final ServerConfig server = config.server();
        final GatewayConfig onFreePort = config.withServer(new ServerConfig(
                "127.0.0.1", 0, server.maxRequestBytes(), server.requestTimeoutMs(), server.docsEnabled(), 0L,
                server.upstreamConnectionPoolSize(), server.metricsRequireAdmin()));
        return new RunningGateway(Gateway.start(onFreePort, API_KEY));
    }

    public int port() {
        return gateway.port();
    }

    public String httpUri() {
        return "http://127.0.0.1:" + port();
    }

    /** A client builder for this gateway that already sends the API key. */
    public GrpcClientBuilder grpcClient() {
        return grpcClient(API_KEY);
    }

    /** A client builder for this gateway that sends {@code apiKey}, e.g. one of another tenant. */
    public GrpcClientBuilder grpcClient(String apiKey) {
        return GrpcClients.builder(httpUri()).addHeader("authorization", "Bearer " + apiKey);
    }

    public ChatServiceGrpc.ChatServiceBlockingStub chat() {
        return grpcClient().build(ChatServiceGrpc.ChatServiceBlockingStub.class);
    }

    public SessionServiceGrpc.SessionServiceBlockingStub sessions() {
        return grpcClient().build(SessionServiceGrpc.SessionServiceBlockingStub.class);
    }

    @Override
    public void close() {
        gateway.close();
    }
}
