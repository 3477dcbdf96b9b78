package dev.slipstream.gateway.session;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import dev.slipstream.api.gateway.v1.AppendMessagesRequest;
import dev.slipstream.api.gateway.v1.AppendMessagesResponse;
import dev.slipstream.api.gateway.v1.CreateSessionRequest;
import dev.slipstream.api.gateway.v1.CreateSessionResponse;
import dev.slipstream.api.gateway.v1.DeleteSessionRequest;
import dev.slipstream.api.gateway.v1.DeleteSessionResponse;
import dev.slipstream.api.gateway.v1.GetSessionRequest;
import dev.slipstream.api.gateway.v1.GetSessionResponse;
import dev.slipstream.api.gateway.v1.ListSessionsRequest;
import dev.slipstream.api.gateway.v1.ListSessionsResponse;
import dev.slipstream.api.gateway.v1.SessionServiceGrpc;
import dev.slipstream.context.ContextStore;
import dev.slipstream.context.SessionInfo;
import dev.slipstream.context.SessionMessage;
import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.config.SessionsConfig;
import dev.slipstream.gateway.error.FieldViolation;
import dev.slipstream.gateway.error.GatewayException;
import io.grpc.stub.StreamObserver;

/**
 * {@code slipstream.gateway.v1.SessionService} over the {@link ContextStore}, always within the caller's
 * tenant: a session of another tenant is NOT_FOUND, like one that does not exist.
 */
public final class SessionGrpcService extends SessionServiceGrpc.SessionServiceImplBase {
    private final ContextStore store;
    private final StoredMessages stored;
    private final SessionAppender appender;

    public SessionGrpcService(ContextStore store, TokenCounter tokens, SessionsConfig config) {
        this.store = requireNonNull(store, "store");
        stored = new StoredMessages(tokens, Clock.systemUTC());
        appender = new SessionAppender(store, config.maxAppendRetries());
    }

    @Override
    public void createSession(CreateSessionRequest request, StreamObserver<CreateSessionResponse> responseObserver) {
        answer(responseObserver, tenant -> {
            if (request.getTtlMs() < 0) {
                throw invalid("ttl_ms", request.getTtlMs() + " (expected: > 0, or 0 for the default)");
            }
            final Duration ttl = request.getTtlMs() == 0 ? null : Duration.ofMillis(request.getTtlMs());
            return store.create(tenant, ttl, request.getMetadataMap(), toStored(request.getMessagesList()))
                        .thenApply(session -> CreateSessionResponse.newBuilder()
                                                                   .setSession(SessionProtos.toProto(session))
                                                                   .build());
        });
    }

    @Override
    public void getSession(GetSessionRequest request, StreamObserver<GetSessionResponse> responseObserver) {
        answer(responseObserver, tenant -> store.get(tenant, requireSessionId(request.getSessionId()))
                .thenApply(session -> GetSessionResponse.newBuilder()
                                                        .setSession(SessionProtos.toProto(session))
                                                        .build()));
    }

    @Override
    public void listSessions(ListSessionsRequest request, StreamObserver<ListSessionsResponse> responseObserver) {
        answer(responseObserver, tenant -> {
            if (request.getPageSize() < 0) {
                throw invalid("page_size", request.getPageSize() + " (expected: >= 0; 0 for the maximum)");
            }
            final String token = request.getPageToken().isEmpty() ? null : request.getPageToken();
            return store.list(tenant, request.getPageSize(), token).thenApply(page -> {
                final ListSessionsResponse.Builder response = ListSessionsResponse.newBuilder();
                for (SessionInfo info : page.sessions()) {
                    response.addSessions(SessionProtos.toProto(info));
                }
                if (page.nextPageToken() != null) {
                    response.setNextPageToken(page.nextPageToken());
                }
                return response.build();
            });
        });
    }

    @Override
    public void deleteSession(DeleteSessionRequest request, StreamObserver<DeleteSessionResponse> responseObserver) {
        answer(responseObserver, tenant -> store.delete(tenant, requireSessionId(request.getSessionId()))
                .thenApply(unused -> DeleteSessionResponse.getDefaultInstance()));
    }

    @Override
    public void appendMessages(AppendMessagesRequest request,
                               StreamObserver<AppendMessagesResponse> responseObserver) {
        answer(responseObserver, tenant -> {
            final String sessionId = requireSessionId(request.getSessionId());
            if (request.getMessagesCount() == 0) {
                throw invalid("messages", "empty (expected: at least one message)");
            }
            final List<SessionMessage> messages = toStored(request.getMessagesList());
            // A caller that names a version wants to know of a conflict, not to have it retried.
            final CompletionStage<Long> version =
                    request.hasExpectedVersion()
                    ? store.append(tenant, sessionId, request.getExpectedVersion(), messages)
                    : appender.appendAtCurrentVersion(tenant, sessionId, messages);
            return version.thenApply(v -> AppendMessagesResponse.newBuilder().setVersion(v).build());
        });
    }

    private List<SessionMessage> toStored(List<dev.slipstream.api.gateway.v1.Message> messages) {
        return stored.toStored(SessionProtos.toChatMessages(messages));
    }

    /** Runs {@code call} for the caller's tenant and sends its result, or its failure as a gateway error. */
    private static <T> void answer(StreamObserver<T> responseObserver,
                                   Function<String, CompletionStage<T>> call) {
        final CompletionStage<T> response;
        try {
            response = call.apply(Principal.current().tenant());
        } catch (RuntimeException e) {
            responseObserver.onError(ContextStoreErrors.translate(e));
            return;
        }
        response.whenComplete((value, failure) -> {
            if (failure != null) {
                responseObserver.onError(ContextStoreErrors.translate(failure));
            } else {
                responseObserver.onNext(value);
                responseObserver.onCompleted();
            }
        });
    }

    private static String requireSessionId(String sessionId) {
        if (sessionId.isEmpty()) {
            throw invalid("session_id", "empty (expected: the id CreateSession returned)");
        }
        return sessionId;
    }

    private static GatewayException invalid(String field, String description) {
        return GatewayException.invalid(List.of(new FieldViolation(field, description)));
    }
}
