package dev.slipstream.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.RequestHeaders;

import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.CompleteResponse;
import dev.slipstream.api.gateway.v1.FinishReason;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.api.gateway.v1.StreamCompleteRequest;
import dev.slipstream.api.gateway.v1.StreamCompleteResponse;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;

/** The embedded default serves health, unary and streaming chat with no keys and no network. */
class EmbeddedDefaultTest {
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.embedded();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void healthIsServingWithoutApiKey() {
        final HealthGrpc.HealthBlockingStub health =
                GrpcClients.newClient(gateway.httpUri(), HealthGrpc.HealthBlockingStub.class);
        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void completeReturnsReplyWithUsage() {
        final CompleteResponse response = gateway.chat().complete(
                CompleteRequest.newBuilder().setModel("local").setRequestId("req-1")
                               .addMessages(user("What is TWAP?")).build());
        assertThat(response.getMessage().getContent()).contains("offline").contains("What is TWAP?");
        assertThat(response.getUsage().getInputTokens()).isPositive();
        assertThat(response.getUsage().getOutputTokens()).isPositive();
        assertThat(response.getUsage().getTotalTokens())
                .isEqualTo(response.getUsage().getInputTokens() + response.getUsage().getOutputTokens());
        assertThat(response.getProvider()).isEqualTo("local");
        assertThat(response.getRequestId()).isEqualTo("req-1");
        assertThat(response.getFinishReason()).isEqualTo(FinishReason.FINISH_REASON_STOP);
    }

    @Test
    void streamSendsDeltasThenEndsWithUsage() {
        final Iterator<StreamCompleteResponse> stream = gateway.chat().streamComplete(
                StreamCompleteRequest.newBuilder().setModel("local").addMessages(user("stream please")).build());
        final List<StreamCompleteResponse> chunks = new ArrayList<>();
        stream.forEachRemaining(chunks::add);
        assertThat(chunks).hasSizeGreaterThan(2);
        final StreamCompleteResponse last = chunks.get(chunks.size() - 1);
        assertThat(last.getUsage().getOutputTokens()).isPositive();
        assertThat(last.getFinishReason()).isEqualTo(FinishReason.FINISH_REASON_STOP);
        final StringBuilder text = new StringBuilder();
        chunks.subList(0, chunks.size() - 1).forEach(c -> {
            assertThat(c.hasUsage()).isFalse();
            text.append(c.getContentDelta());
        });
        assertThat(text.toString()).contains("stream please");
        assertThat(chunks).extracting(StreamCompleteResponse::getId).containsOnly(last.getId());
    }

    @Test
    void reflectionListsTheChatServiceWithoutApiKey() throws Exception {
        final ServerReflectionGrpc.ServerReflectionStub reflection =
                GrpcClients.newClient(gateway.httpUri(), ServerReflectionGrpc.ServerReflectionStub.class);
        final CompletableFuture<ServerReflectionResponse> reply = new CompletableFuture<>();
        final StreamObserver<ServerReflectionRequest> requests = reflection.serverReflectionInfo(
                new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse value) {
                        reply.complete(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        reply.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {}
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onCompleted();
        assertThat(reply.get(10, TimeUnit.SECONDS).getListServicesResponse().getServiceList())
                .extracting(ServiceResponse::getName)
                .contains("slipstream.gateway.v1.ChatService", "slipstream.gateway.v1.ModelService",
                          "grpc.health.v1.Health");
    }

    @Test
    void docsPageAndTranscodedModelListAreServed() {
        final BlockingWebClient http = WebClient.of(gateway.httpUri()).blocking();
        final AggregatedHttpResponse docs = http.get("/docs/");
        assertThat(docs.status().code()).isEqualTo(200);
        assertThat(docs.contentUtf8()).containsIgnoringCase("<html");
        final AggregatedHttpResponse models = http.execute(
                RequestHeaders.of(HttpMethod.GET, "/gateway/v1/models", "authorization",
                                  "Bearer " + RunningGateway.API_KEY));
        assertThat(models.status().code()).isEqualTo(200);
        assertThat(models.contentUtf8()).contains("\"name\":\"local\"").contains("\"isDefault\":true");
    }

    private static Message user(String text) {
        return Message.newBuilder().setRole(Role.ROLE_USER).setContent(text).build();
    }
}
