package dev.slipstream.gateway.grpc;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import com.linecorp.armeria.server.ServiceRequestContext;

import dev.slipstream.api.gateway.v1.ChatServiceGrpc;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.CompleteResponse;
import dev.slipstream.api.gateway.v1.StreamCompleteRequest;
import dev.slipstream.api.gateway.v1.StreamCompleteResponse;
import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.chat.ChatCompletion;
import dev.slipstream.gateway.chat.ChatGateway;
import dev.slipstream.gateway.chat.ChatRequest;
import dev.slipstream.gateway.chat.ChatStreamListener;
import dev.slipstream.gateway.error.GatewayException;
import dev.slipstream.gateway.provider.ChatProvider.StreamHandle;
import dev.slipstream.gateway.session.SessionChat;
import dev.slipstream.gateway.routing.Deadline;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * {@code slipstream.gateway.v1.ChatService} over {@link ChatGateway}, or over {@link SessionChat} for a
 * request with a {@code session_id}.
 */
public final class ChatGrpcService extends ChatServiceGrpc.ChatServiceImplBase {
    private final ChatGateway gateway;
    private final SessionChat sessions;

    public ChatGrpcService(ChatGateway gateway, SessionChat sessions) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.sessions = requireNonNull(sessions, "sessions");
    }

    @Override
    public void complete(CompleteRequest request, StreamObserver<CompleteResponse> responseObserver) {
        UnaryReplies.reply(() -> {
            final ChatRequest chatRequest = ChatProtos.toChatRequest(request);
            return request.getSessionId().isEmpty()
                   ? gateway.complete(Principal.current(), chatRequest, deadline())
                   : sessions.complete(Principal.current(), request.getSessionId(), chatRequest, deadline());
        }, ChatProtos::toCompleteResponse, responseObserver);
    }

    @Override
    public void streamComplete(StreamCompleteRequest request,
                               StreamObserver<StreamCompleteResponse> responseObserver) {
        final ChatRequest chatRequest;
        try {
            chatRequest = ChatProtos.toChatRequest(asCompleteRequest(request));
        } catch (GatewayException e) {
            responseObserver.onError(e);
            return;
        }
        final String id = ChatGateway.newCompletionId();
        final ChatStreamListener listener = new ChatStreamListener() {
            @Override
            public void onDelta(String text) {
                responseObserver.onNext(ChatProtos.delta(id, text));
            }

            @Override
            public void onComplete(ChatCompletion completion, long timeToFirstTokenNanos) {
                responseObserver.onNext(ChatProtos.streamEnd(id, completion, timeToFirstTokenNanos));
                responseObserver.onCompleted();
            }

            @Override
            public void onError(Throwable cause) {
                responseObserver.onError(cause);
            }
        };
        final Deadline deadline = deadline();
        final StreamHandle handle =
                request.getSessionId().isEmpty()
                ? gateway.stream(Principal.current(), id, chatRequest, deadline, listener)
                : sessions.stream(Principal.current(), request.getSessionId(), id, chatRequest, deadline, listener);
        ((ServerCallStreamObserver<StreamCompleteResponse>) responseObserver).setOnCancelHandler(handle::cancel);
    }

    /** The caller's gRPC deadline, which Armeria has made this request's timeout. */
    private static Deadline deadline() {
        return Deadline.of(ServiceRequestContext.current());
    }

    /** The two request messages are wire-compatible by design (same fields and numbers). */
    private static CompleteRequest asCompleteRequest(StreamCompleteRequest request) {
        try {
            return CompleteRequest.parseFrom(request.toByteString());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("StreamCompleteRequest and CompleteRequest diverged", e);
        }
    }
}
