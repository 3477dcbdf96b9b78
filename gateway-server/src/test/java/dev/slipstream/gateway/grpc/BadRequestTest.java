package dev.slipstream.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;

import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.api.gateway.v1.StreamCompleteRequest;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.config.LimitsConfig;
import dev.slipstream.gateway.config.ServerConfig;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Every kind of bad gRPC chat request gets the documented status, {@code ErrorInfo} and {@code BadRequest}
 * details and a message naming the problem, on both {@code Complete} and {@code StreamComplete}; and the
 * gateway keeps serving afterwards.
 */
class BadRequestTest {
    /** Small limits, so that each one can be exceeded with a small request. */
    private static final LimitsConfig LIMITS =
            new LimitsConfig(4, 1_000, 2_000, 256, 2, 16, 3, 8, 32, 16, 32);
    private static final long MAX_REQUEST_BYTES = 64 * 1024;
    /** A gRPC message travels behind a compression flag and a 4-byte length. */
    private static final int GRPC_FRAME_HEADER_BYTES = 5;

    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        final GatewayConfig embedded = EmbeddedConfig.create(Map.of());
        gateway = RunningGateway.start(new GatewayConfig(
                new ServerConfig(null, null, MAX_REQUEST_BYTES, null, null, null, null, null), LIMITS, embedded.auth(),
                embedded.providers(), embedded.models(), null, null, embedded.defaultModel(), null, null, null,
                null, null, null));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** Whatever a bad request did, the same gateway still answers a good one. */
    @AfterEach
    void stillServesGoodRequests() {
        assertThat(gateway.chat().complete(good().build()).getMessage().getContent()).contains("hello");
    }

    /**
     * What the caller must get back.
     *
     * @param fields the {@code BadRequest} field paths; empty when the error has no field violations
     * @param messageParts what the status description must contain
     */
    record Expected(Status.Code code, ErrorReason reason, List<String> fields, List<String> messageParts) {}

    /** One kind of bad request: how a good request is broken, and the error that must come back. */
    record Case(Consumer<CompleteRequest.Builder> breakRequest, Expected expected) {}

    static Stream<Arguments> badRequests() {
        return Stream.of(
                row("empty messages", r -> r.clearMessages(),
                    invalid(List.of("messages"), "messages: empty")),
                row("unknown model", r -> r.setModel("no-such-model"),
                    new Expected(Status.Code.NOT_FOUND, ErrorReason.MODEL_NOT_FOUND, List.of(),
                             List.of("model 'no-such-model' not found", "[local]"))),
                row("unknown provider in provider/model", r -> r.setModel("nowhere/gpt"),
                    new Expected(Status.Code.NOT_FOUND, ErrorReason.MODEL_NOT_FOUND, List.of(),
                             List.of("model 'nowhere/gpt' not found"))),
                row("missing model", r -> r.clearModel(),
                    invalid(List.of("model"), "model: empty")),
                row("model name too long", r -> r.setModel("m".repeat(33)),
                    invalid(List.of("model"), "model: 33 characters (expected: at most 32)")),
                row("ROLE_UNSPECIFIED", r -> r.addMessages(Message.newBuilder().setContent("who am I?")),
                    invalid(List.of("messages[1].role"), "messages[1].role: ROLE_UNSPECIFIED (expected:")),
                row("unknown role number", r -> r.addMessages(Message.newBuilder().setRoleValue(42)),
                    invalid(List.of("messages[1].role"), "messages[1].role: UNRECOGNIZED")),
                row("unknown response format", r -> r.getOptionsBuilder().setResponseFormatValue(9),
                    invalid(List.of("options.response_format"), "options.response_format: 9 (expected:")),
                row("negative max_output_tokens", r -> r.getOptionsBuilder().setMaxOutputTokens(-1),
                    invalid(List.of("options.max_output_tokens"),
                            "options.max_output_tokens: -1 (expected: 1 to 256)")),
                row("max_output_tokens above the limit", r -> r.getOptionsBuilder().setMaxOutputTokens(257),
                    invalid(List.of("options.max_output_tokens"),
                            "options.max_output_tokens: 257 (expected: 1 to 256)")),
                row("temperature 3", r -> r.getOptionsBuilder().setTemperature(3),
                    invalid(List.of("options.temperature"), "options.temperature: 3.0 (expected: 0 to 2)")),
                row("temperature NaN", r -> r.getOptionsBuilder().setTemperature(Double.NaN),
                    invalid(List.of("options.temperature"), "options.temperature: NaN (expected: 0 to 2)")),
                row("top_p 0", r -> r.getOptionsBuilder().setTopP(0),
                    invalid(List.of("options.top_p"), "options.top_p: 0.0 (expected: > 0 and <= 1)")),
                row("too many stop sequences",
                    r -> r.getOptionsBuilder().addAllStopSequences(List.of("a", "b", "c")),
                    invalid(List.of("options.stop_sequences"),
                            "options.stop_sequences: 3 sequences (expected: at most 2)")),
                row("empty stop sequence", r -> r.getOptionsBuilder().addStopSequences(""),
                    invalid(List.of("options.stop_sequences[0]"), "options.stop_sequences[0]: empty")),
                row("stop sequence too long", r -> r.getOptionsBuilder().addStopSequences("s".repeat(17)),
                    invalid(List.of("options.stop_sequences[0]"),
                            "options.stop_sequences[0]: 17 characters (expected: at most 16)")),
                row("message content above max_message_chars", r -> r.setMessages(0, user("x".repeat(1_001))),
                    invalid(List.of("messages[0].content"),
                            "messages[0].content: 1001 characters (expected: at most 1000)")),
                row("all messages above max_total_chars",
                    r -> r.addMessages(user("x".repeat(1_000))).addMessages(user("y".repeat(1_000))),
                    invalid(List.of("messages"), "messages: 2005 characters in all (expected: at most 2000)")),
                row("too many messages",
                    r -> r.addMessages(user("2")).addMessages(user("3")).addMessages(user("4"))
                          .addMessages(user("5")),
                    invalid(List.of("messages"), "messages: 5 messages (expected: at most 4)")),
                row("blank user message", r -> r.setMessages(0, user("  ")),
                    invalid(List.of("messages[0].content"), "messages[0].content: empty")),
                row("no user message", r -> r.setMessages(0, message(Role.ROLE_SYSTEM, "be brief")),
                    invalid(List.of("messages"), "messages: no message has role user")),
                row("too many metadata entries",
                    r -> r.putAllMetadata(Map.of("a", "1", "b", "2", "c", "3", "d", "4")),
                    invalid(List.of("metadata"), "metadata: 4 entries (expected: at most 3)")),
                row("metadata key too long", r -> r.putMetadata("k".repeat(9), "v"),
                    invalid(List.of("metadata"), "metadata: key 'kkkkkkkkk' has 9 characters (expected: at most 8)")),
                row("metadata value too long", r -> r.putMetadata("team", "v".repeat(33)),
                    invalid(List.of("metadata[team]"), "metadata[team]: 33 characters (expected: at most 32)")),
                row("empty metadata key", r -> r.putMetadata("", "v"),
                    invalid(List.of("metadata"), "metadata: an empty key")),
                row("request_id too long", r -> r.setRequestId("r".repeat(17)),
                    invalid(List.of("request_id"), "request_id: 17 characters (expected: at most 16)")),
                row("request_id with spaces", r -> r.setRequestId("req 1"),
                    invalid(List.of("request_id"), "request_id: contains spaces")),
                row("several problems at once",
                    r -> r.clearModel().getOptionsBuilder().setTemperature(-1).setTopP(2),
                    invalid(List.of("model", "options.temperature", "options.top_p"),
                            "model: empty (expected: a model alias or 'provider/model'); " +
                            "options.temperature: -1.0 (expected: 0 to 2); " +
                            "options.top_p: 2.0 (expected: > 0 and <= 1)")));
    }

    @ParameterizedTest(name = "Complete: {0}")
    @MethodSource("badRequests")
    void completeRejects(Case badRequest) {
        final CompleteRequest.Builder request = good();
        badRequest.breakRequest().accept(request);
        assertRejected(() -> gateway.chat().complete(request.build()), badRequest.expected());
    }

    @ParameterizedTest(name = "StreamComplete: {0}")
    @MethodSource("badRequests")
    void streamCompleteRejectsTheSameWay(Case badRequest) {
        final CompleteRequest.Builder request = good();
        badRequest.breakRequest().accept(request);
        assertRejected(() -> gateway.chat().streamComplete(asStreamRequest(request.build())).hasNext(),
                       badRequest.expected());
    }

    @Test
    void messageAboveMaxRequestBytesIsRequestTooLarge() {
        // The transport refuses the body before the message is parsed, so no validator limit is reached.
        final CompleteRequest request = good().setMessages(0, user("x".repeat((int) MAX_REQUEST_BYTES))).build();
        final Expected expected = new Expected(
                Status.Code.INVALID_ARGUMENT, ErrorReason.REQUEST_TOO_LARGE, List.of(),
                List.of("request too large: " + (request.getSerializedSize() + GRPC_FRAME_HEADER_BYTES) +
                        " bytes (expected: at most 65536 bytes, the server's max_request_bytes)"));
        assertRejected(() -> gateway.chat().complete(request), expected);
        assertRejected(() -> gateway.chat().streamComplete(asStreamRequest(request)).hasNext(), expected);
    }

    @Test
    void compressedMessageAboveMaxRequestBytesOnceInflatedIsRequestTooLarge() {
        // Gzip makes the body tiny; the gRPC message limit still applies to the inflated message.
        final CompleteRequest request = good().setMessages(0, user("x".repeat((int) MAX_REQUEST_BYTES))).build();
        assertRejected(() -> gateway.chat().withCompression("gzip").complete(request),
                       new Expected(Status.Code.INVALID_ARGUMENT, ErrorReason.REQUEST_TOO_LARGE, List.of(),
                                    List.of("request too large")));
    }

    @Test
    void missingApiKeyIsUnauthenticated() {
        final ChatServiceBlockingStub anonymous =
                com.linecorp.armeria.client.grpc.GrpcClients.newClient(gateway.httpUri(),
                                                                        ChatServiceBlockingStub.class);
        assertRejected(() -> anonymous.complete(good().build()), unauthenticated("missing API key"));
        assertRejected(() -> anonymous.streamComplete(asStreamRequest(good().build())).hasNext(),
                       unauthenticated("missing API key"));
    }

    @Test
    void wrongApiKeyIsUnauthenticated() {
        assertRejected(() -> withAuthorization("Bearer not-the-key").complete(good().build()),
                       unauthenticated("invalid API key"));
    }

    @Test
    void nonBearerAuthorizationIsUnauthenticated() {
        assertRejected(() -> withAuthorization("Basic " + RunningGateway.API_KEY).complete(good().build()),
                       unauthenticated("invalid API key"));
    }

    private static ChatServiceBlockingStub withAuthorization(String authorization) {
        return com.linecorp.armeria.client.grpc.GrpcClients.builder(gateway.httpUri())
                                                            .addHeader("authorization", authorization)
                                                            .build(ChatServiceBlockingStub.class);
    }

    private static void assertRejected(Runnable call, Expected expected) {
        final StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(e).as("the call should fail").isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(expected.code());
        final String description = e.getStatus().getDescription();
        assertThat(description).contains(expected.messageParts()).doesNotContain("Exception", "\tat ");

        final com.google.rpc.Status rich = StatusProto.fromThrowable(e);
        assertThat(rich).as("google.rpc.Status in the trailers").isNotNull();
        assertThat(rich.getCode()).isEqualTo(expected.code().value());
        assertThat(rich.getMessage()).isEqualTo(description);
        final ErrorInfo info = unpack(rich, ErrorInfo.class);
        assertThat(info).as("ErrorInfo").isNotNull();
        assertThat(info.getReason()).isEqualTo(expected.reason().name());
        assertThat(info.getDomain()).isEqualTo("slipstream.dev");

        final BadRequest badRequest = unpack(rich, BadRequest.class);
        if (expected.fields().isEmpty()) {
            assertThat(badRequest).as("BadRequest").isNull();
        } else {
            assertThat(badRequest).as("BadRequest").isNotNull();
            assertThat(badRequest.getFieldViolationsList())
                    .extracting(BadRequest.FieldViolation::getField)
                    .containsExactlyInAnyOrderElementsOf(expected.fields());
            assertThat(badRequest.getFieldViolationsList())
                    .allSatisfy(v -> assertThat(description).contains(v.getField() + ": " + v.getDescription()));
        }
    }

    private static <T extends com.google.protobuf.Message> T unpack(com.google.rpc.Status status, Class<T> type) {
        return status.getDetailsList().stream().filter(any -> any.is(type)).findFirst().map(any -> {
            try {
                return any.unpack(type);
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError(e);
            }
        }).orElse(null);
    }

    private static Arguments row(String kind, Consumer<CompleteRequest.Builder> breakRequest,
                                 Expected expected) {
        return Arguments.of(Named.of(kind, new Case(breakRequest, expected)));
    }

    private static Expected invalid(List<String> fields, String messagePart) {
        return new Expected(Status.Code.INVALID_ARGUMENT, ErrorReason.INVALID_ARGUMENT, fields,
                        List.of(messagePart));
    }

    private static Expected unauthenticated(String messagePart) {
        return new Expected(Status.Code.UNAUTHENTICATED, ErrorReason.UNAUTHENTICATED, List.of(),
                        List.of(messagePart));
    }

    private static CompleteRequest.Builder good() {
        return CompleteRequest.newBuilder().setModel("local").addMessages(user("hello"));
    }

    private static StreamCompleteRequest asStreamRequest(CompleteRequest request) {
        try {
            return StreamCompleteRequest.parseFrom(request.toByteString());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static Message user(String text) {
        return message(Role.ROLE_USER, text);
    }

    private static Message message(Role role, String text) {
        return Message.newBuilder().setRole(role).setContent(text).build();
    }
}
