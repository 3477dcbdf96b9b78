package dev.slipstream.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.rpc.ErrorInfo;
import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.RequestHeadersBuilder;

import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.CreateSessionRequest;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.api.gateway.v1.SessionServiceGrpc.SessionServiceBlockingStub;
import dev.slipstream.gateway.config.ApiKeyConfig;
import dev.slipstream.gateway.config.AuthConfig;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** Every auth outcome, on gRPC and on the OpenAI-compatible HTTP surface. */
class AuthOutcomesTest {
    private static final String CHAT_ONLY = "chat-only-key-0123456789";
    private static final String SESSIONS_ONLY = "sessions-only-key-0123456789";
    private static final String DISABLED = "disabled-key-0123456789";
    private static final String EXPIRED = "expired-key-0123456789";
    private static final String HASHED = "hashed-key-0123456789";
    private static final String UNKNOWN = "unknown-key-0123456789";

    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        final String hashedSha256 = HexFormat.of().formatHex(ApiKeyVerifier.sha256(HASHED));
        gateway = RunningGateway.start(EmbeddedConfig.create(java.util.Map.of()).withAuth(new AuthConfig(null, List.of(
                key("chat-only", CHAT_ONLY, null, List.of("chat"), List.of("local"), false, null),
                key("sessions-only", SESSIONS_ONLY, null, List.of("sessions"), null, false, null),
                key("off", DISABLED, null, null, null, true, null),
                key("old", EXPIRED, null, null, null, false, "2020-01-01T00:00:00Z"),
                key("hashed", null, hashedSha256, null, null, false, null)))));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static ApiKeyConfig key(String id, String key, String sha256, List<String> scopes, List<String> models,
                                    boolean disabled, String expiresAt) {
        return new ApiKeyConfig(id, key, sha256, "team-" + id, scopes, models, null, null, null, disabled, expiresAt,
                                null);
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(
                outcome("missing key", null, "local", Status.Code.UNAUTHENTICATED, 401, "missing API key"),
                outcome("unknown key", UNKNOWN, "local", Status.Code.UNAUTHENTICATED, 401, "invalid API key"),
                outcome("disabled key", DISABLED, "local", Status.Code.UNAUTHENTICATED, 401,
                        "API key 'off' is disabled"),
                outcome("expired key", EXPIRED, "local", Status.Code.UNAUTHENTICATED, 401,
                        "API key 'old' expired at 2020-01-01T00:00:00Z"),
                outcome("key without the chat scope", SESSIONS_ONLY, "local", Status.Code.PERMISSION_DENIED, 403,
                        "API key 'sessions-only' lacks scope 'chat'"),
                outcome("key without the model", CHAT_ONLY, "local/slipstream-local", Status.Code.PERMISSION_DENIED,
                        403, "API key 'chat-only' may not use model 'local/slipstream-local' (expected: one of local)"),
                outcome("key allowed the model", CHAT_ONLY, "local", Status.Code.OK, 200, ""),
                outcome("key configured by its SHA-256", HASHED, "local", Status.Code.OK, 200, ""));
    }

    private static Arguments outcome(String name, String key, String model, Status.Code code, int httpStatus,
                                     String message) {
        return Arguments.of(Named.of(name, key), model, code, httpStatus, message);
    }

    @ParameterizedTest(name = "gRPC: {0}")
    @MethodSource("outcomes")
    void grpc(String key, String model, Status.Code code, int httpStatus, String message) {
        final var builder = key == null ? com.linecorp.armeria.client.grpc.GrpcClients.builder(gateway.httpUri())
                                        : gateway.grpcClient(key);
        final ChatServiceBlockingStub chat = builder.build(ChatServiceBlockingStub.class);
        final CompleteRequest request = CompleteRequest.newBuilder().setModel(model).addMessages(
                Message.newBuilder().setRole(Role.ROLE_USER).setContent("hi")).build();

        if (code == Status.Code.OK) {
            assertThat(chat.complete(request).getMessage().getContent()).isNotEmpty();
            return;
        }
        final StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                                                              () -> chat.complete(request));
        assertThat(e.getStatus().getCode()).isEqualTo(code);
        assertThat(e.getStatus().getDescription()).startsWith(message);
        assertThat(errorInfo(e).getReason()).isEqualTo(code.name());
    }

    @ParameterizedTest(name = "HTTP: {0}")
    @MethodSource("outcomes")
    void http(String key, String model, Status.Code code, int httpStatus, String message) {
        final AggregatedHttpResponse response = postChat(key == null ? null : "authorization", key, model);

        assertThat(response.status().code()).isEqualTo(httpStatus);
        assertThat(response.contentUtf8()).contains(message);
    }

    @Test
    void httpAcceptsXApiKey() {
        assertThat(postChat("x-api-key", CHAT_ONLY, "local").status().code()).isEqualTo(200);
        assertThat(postChat("x-api-key", DISABLED, "local").status().code()).isEqualTo(401);
    }

    @Test
    void grpcServiceNeedsItsScope() {
        final SessionServiceBlockingStub sessions = gateway.grpcClient(CHAT_ONLY)
                                                           .build(SessionServiceBlockingStub.class);

        final StatusRuntimeException e = catchThrowableOfType(
                StatusRuntimeException.class, () -> sessions.createSession(CreateSessionRequest.getDefaultInstance()));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(e.getStatus().getDescription()).isEqualTo(
                "API key 'chat-only' lacks scope 'sessions' (needed by slipstream.gateway.v1.SessionService)");
        assertThat(gateway.grpcClient(SESSIONS_ONLY).build(SessionServiceBlockingStub.class)
                          .createSession(CreateSessionRequest.getDefaultInstance()).getSession().getId())
                .isNotEmpty();
    }

    private static AggregatedHttpResponse postChat(String header, String key, String model) {
        final RequestHeadersBuilder headers = RequestHeaders.builder(HttpMethod.POST, "/v1/chat/completions")
                                                            .contentType(MediaType.JSON_UTF_8);
        if (header != null) {
            headers.set(header, "authorization".equals(header) ? "Bearer " + key : key);
        }
        return BlockingWebClient.of(gateway.httpUri()).execute(
                headers.build(), "{\"model\": \"" + model + "\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");
    }

    private static ErrorInfo errorInfo(StatusRuntimeException e) {
        try {
            return StatusProto.fromThrowable(e).getDetails(0).unpack(ErrorInfo.class);
        } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
            throw new AssertionError(ex);
        }
    }
}
