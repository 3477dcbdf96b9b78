package dev.slipstream.gateway.session;

import static dev.slipstream.gateway.session.SessionGateways.OTHER_TENANT_API_KEY;
import static dev.slipstream.gateway.session.SessionGateways.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.api.gateway.v1.AppendMessagesRequest;
import dev.slipstream.api.gateway.v1.CreateSessionRequest;
import dev.slipstream.api.gateway.v1.DeleteSessionRequest;
import dev.slipstream.api.gateway.v1.GetSessionRequest;
import dev.slipstream.api.gateway.v1.ListSessionsRequest;
import dev.slipstream.api.gateway.v1.ListSessionsResponse;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.api.gateway.v1.Session;
import dev.slipstream.api.gateway.v1.SessionServiceGrpc.SessionServiceBlockingStub;
import dev.slipstream.gateway.config.ContextStoreConfig;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** SessionService over gRPC on the in-memory store: the five calls, tenant isolation and paging. */
class SessionServiceTest {
    private static FakeOpenAi fake;
    private static RunningGateway gateway;
    private static SessionServiceBlockingStub sessions;
    private static SessionServiceBlockingStub otherTenant;

    @BeforeAll
    static void start() {
        fake = new FakeOpenAi();
        gateway = RunningGateway.start(SessionGateways.config(fake, ContextStoreConfig.DEFAULT));
        sessions = gateway.sessions();
        otherTenant = gateway.grpcClient(OTHER_TENANT_API_KEY).build(SessionServiceBlockingStub.class);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        fake.stop().join();
    }

    @Test
    void createGetAppendDelete() {
        final Session created = sessions.createSession(
                CreateSessionRequest.newBuilder().setTtlMs(60_000).putMetadata("app", "test")
                                    .addMessages(message(Role.ROLE_SYSTEM, "Be brief.")).build()).getSession();
        assertThat(created.getVersion()).isEqualTo(1);
        assertThat(created.getTtlMs()).isEqualTo(60_000);
        assertThat(created.getMessageCount()).isEqualTo(1);

        final long version = sessions.appendMessages(AppendMessagesRequest.newBuilder()
                .setSessionId(created.getId())
                .addMessages(message(Role.ROLE_USER, "Hi"))
                .addMessages(message(Role.ROLE_ASSISTANT, "Hello.")).build()).getVersion();
        assertThat(version).isEqualTo(2);

        final Session read = get(sessions, created.getId());
        assertThat(read.getMessagesList()).containsExactly(message(Role.ROLE_SYSTEM, "Be brief."),
                                                           message(Role.ROLE_USER, "Hi"),
                                                           message(Role.ROLE_ASSISTANT, "Hello."));
        assertThat(read.getMetadataMap()).containsExactly(java.util.Map.entry("app", "test"));
        assertThat(read.getVersion()).isEqualTo(2);

        sessions.deleteSession(DeleteSessionRequest.newBuilder().setSessionId(created.getId()).build());
        assertReason(() -> get(sessions, created.getId()), Status.Code.NOT_FOUND, "SESSION_NOT_FOUND");
    }

    @Test
    void appendWithAStaleExpectedVersionIsAbortedAndWritesNothing() {
        final String id = SessionGateways.createSession(gateway);
        final AppendMessagesRequest.Builder append = AppendMessagesRequest.newBuilder().setSessionId(id)
                .addMessages(message(Role.ROLE_USER, "first")).setExpectedVersion(1);
        assertThat(sessions.appendMessages(append.build()).getVersion()).isEqualTo(2);

        assertReason(() -> sessions.appendMessages(append.build()), Status.Code.ABORTED, "VERSION_CONFLICT");
        assertThat(get(sessions, id).getMessageCount()).isEqualTo(2);
    }

    @Test
    void anotherTenantGetsNotFoundForEveryCallAndNeverTheContent() {
        final String id = SessionGateways.createSession(gateway);

        assertReason(() -> get(otherTenant, id), Status.Code.NOT_FOUND, "SESSION_NOT_FOUND");
        assertReason(() -> otherTenant.appendMessages(AppendMessagesRequest.newBuilder().setSessionId(id)
                                                              .addMessages(message(Role.ROLE_USER, "x")).build()),
                     Status.Code.NOT_FOUND, "SESSION_NOT_FOUND");
        assertReason(() -> otherTenant.deleteSession(DeleteSessionRequest.newBuilder().setSessionId(id).build()),
                     Status.Code.NOT_FOUND, "SESSION_NOT_FOUND");
        assertReason(() -> otherTenant.withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS)
                                      .getSession(GetSessionRequest.newBuilder().setSessionId(id).build()),
                     Status.Code.NOT_FOUND, "SESSION_NOT_FOUND");
        assertThat(listAll(otherTenant)).extracting(Session::getId).doesNotContain(id);
        assertThat(listAll(sessions)).extracting(Session::getId).contains(id);
        // Still there, untouched, for its owner.
        assertThat(get(sessions, id).getMessageCount()).isEqualTo(1);
    }

    @Test
    void listsInPagesNewestFirst() {
        final String first = SessionGateways.createSession(gateway);
        final String second = SessionGateways.createSession(gateway);

        final ListSessionsResponse page = sessions.listSessions(ListSessionsRequest.newBuilder().setPageSize(1).build());
        assertThat(page.getSessionsList()).extracting(Session::getId).containsExactly(second);
        assertThat(page.getSessions(0).getMessagesList()).as("listings carry no messages").isEmpty();
        final ListSessionsResponse next = sessions.listSessions(
                ListSessionsRequest.newBuilder().setPageSize(1).setPageToken(page.getNextPageToken()).build());
        assertThat(next.getSessionsList()).extracting(Session::getId).containsExactly(first);
    }

    @Test
    void badArgumentsAreInvalid() {
        assertReason(() -> get(sessions, ""), Status.Code.INVALID_ARGUMENT, "INVALID_ARGUMENT");
        assertReason(() -> sessions.listSessions(ListSessionsRequest.newBuilder().setPageToken("forged").build()),
                     Status.Code.INVALID_ARGUMENT, "INVALID_ARGUMENT");
        assertReason(() -> sessions.listSessions(ListSessionsRequest.newBuilder().setPageSize(-1).build()),
                     Status.Code.INVALID_ARGUMENT, "INVALID_ARGUMENT");
        assertReason(() -> sessions.appendMessages(AppendMessagesRequest.newBuilder()
                                                                         .setSessionId(SessionGateways.createSession(gateway))
                                                                         .build()),
                     Status.Code.INVALID_ARGUMENT, "INVALID_ARGUMENT");
        assertReason(() -> sessions.createSession(CreateSessionRequest.newBuilder()
                                                                      .addMessages(message(Role.ROLE_UNSPECIFIED, "?"))
                                                                      .build()),
                     Status.Code.INVALID_ARGUMENT, "INVALID_ARGUMENT");
    }

    static Session get(SessionServiceBlockingStub stub, String id) {
        return stub.getSession(GetSessionRequest.newBuilder().setSessionId(id).build()).getSession();
    }

    static List<Session> listAll(SessionServiceBlockingStub stub) {
        return stub.listSessions(ListSessionsRequest.getDefaultInstance()).getSessionsList();
    }

    /** The call fails with {@code code} and an ErrorInfo of {@code reason}; returns the ErrorInfo. */
    static ErrorInfo assertReason(Runnable call, Status.Code code, String reason) {
        final StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(e).as("the call fails").isNotNull();
        assertThat(e.getStatus().getCode()).as(String.valueOf(e.getStatus())).isEqualTo(code);
        final ErrorInfo info = errorInfo(e);
        assertThat(info).as("ErrorInfo of " + e.getStatus()).isNotNull();
        assertThat(info.getReason()).isEqualTo(reason);
        return info;
    }

    @Nullable
    private static ErrorInfo errorInfo(StatusRuntimeException e) {
        final com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            return null;
        }
        for (Any detail : status.getDetailsList()) {
            if (detail.is(ErrorInfo.class)) {
                try {
                    return detail.unpack(ErrorInfo.class);
                } catch (InvalidProtocolBufferException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        return null;
    }
}
