package dev.slipstream.gateway.session;

import static dev.slipstream.gateway.session.SessionGateways.OTHER_TENANT_API_KEY;
import static dev.slipstream.gateway.session.SessionGateways.message;
import static dev.slipstream.gateway.session.SessionServiceTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.rpc.ErrorInfo;
import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.api.gateway.v1.AppendMessagesRequest;
import dev.slipstream.api.gateway.v1.CreateSessionRequest;
import dev.slipstream.api.gateway.v1.ListSessionsRequest;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.api.gateway.v1.SessionServiceGrpc.SessionServiceBlockingStub;
import dev.slipstream.gateway.config.ContextStoreConfig;
import dev.slipstream.gateway.config.SessionsConfig;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.Status;

/**
 * Every context-store limit, and tenant isolation, on gRPC and on the HTTP/JSON transcoding of
 * SessionService: a request over a limit fails with FAILED_PRECONDITION (HTTP 400) and reason
 * CONTEXT_LIMIT_EXCEEDED naming the limit, and writes nothing.
 */
class SessionLimitsTest {
    private static final int MAX_MESSAGES = 3;
    private static final int MAX_MESSAGE_BYTES = 100;
    private static final long MAX_SESSION_BYTES = 150;
    private static final int MAX_METADATA_ENTRIES = 1;
    private static final long MAX_TTL_MS = 60_000;
    private static final int MAX_PAGE_SIZE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakeOpenAi fake;
    private static RunningGateway gateway;
    private static SessionServiceBlockingStub sessions;

    @BeforeAll
    static void start() {
        fake = new FakeOpenAi();
        final ContextStoreConfig limits = new ContextStoreConfig(null, null, 30_000L, MAX_TTL_MS, MAX_MESSAGES,
                                                                 MAX_MESSAGE_BYTES, MAX_SESSION_BYTES,
                                                                 MAX_METADATA_ENTRIES, MAX_PAGE_SIZE);
        gateway = RunningGateway.start(SessionGateways.config(fake, 100_000, limits, SessionsConfig.DEFAULT));
        sessions = gateway.sessions();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        fake.stop().join();
    }

    @Test
    void messagesPerSessionOverGrpc() {
        final String id = createEmpty();
        final AppendMessagesRequest.Builder tooMany = AppendMessagesRequest.newBuilder().setSessionId(id);
        for (int i = 0; i <= MAX_MESSAGES; i++) {
            tooMany.addMessages(message(Role.ROLE_USER, "m" + i));
        }
        assertLimit(() -> sessions.appendMessages(tooMany.build()), "messages", MAX_MESSAGES + 1, MAX_MESSAGES);
        assertThat(SessionServiceTest.get(sessions, id).getMessageCount()).isZero();
    }

    @Test
    void messagesPerSessionOverHttp() {
        final String id = createEmptyOverHttp();
        final String body = "{\"messages\": [" + "{\"role\": \"ROLE_USER\", \"content\": \"m\"},".repeat(MAX_MESSAGES) +
                            "{\"role\": \"ROLE_USER\", \"content\": \"m\"}]}";
        assertHttpLimit(http(HttpMethod.POST, "/gateway/v1/sessions/" + id + ":append", body), "messages");
    }

    @Test
    void aChatTurnOverTheMessageLimitIsRefusedAndStoresNothing() {
        final String id = SessionGateways.createSession(gateway);
        gateway.chat().complete(SessionGateways.turn(id, "fits"));

        assertLimit(() -> gateway.chat().complete(SessionGateways.turn(id, "one too many")), "messages",
                    MAX_MESSAGES + 2, MAX_MESSAGES);
        assertThat(SessionServiceTest.get(sessions, id).getMessageCount()).isEqualTo(MAX_MESSAGES);
    }

    @Test
    void bytesPerMessageOverGrpc() {
        final String id = createEmpty();
        assertLimit(() -> sessions.appendMessages(AppendMessagesRequest.newBuilder().setSessionId(id).addMessages(
                            message(Role.ROLE_USER, "x".repeat(MAX_MESSAGE_BYTES + 1))).build()),
                    "message_bytes", MAX_MESSAGE_BYTES + 1, MAX_MESSAGE_BYTES);
    }

    @Test
    void bytesPerMessageOverHttp() {
        final String id = createEmptyOverHttp();
        assertHttpLimit(http(HttpMethod.POST, "/gateway/v1/sessions/" + id + ":append",
                             "{\"messages\": [{\"role\": \"ROLE_USER\", \"content\": \"" +
                             "x".repeat(MAX_MESSAGE_BYTES + 1) + "\"}]}"), "message_bytes");
    }

    @Test
    void bytesPerSessionOverGrpc() {
        final String id = createEmpty();
        final String eighty = "x".repeat(80);
        sessions.appendMessages(AppendMessagesRequest.newBuilder().setSessionId(id)
                                                     .addMessages(message(Role.ROLE_USER, eighty)).build());
        assertLimit(() -> sessions.appendMessages(AppendMessagesRequest.newBuilder().setSessionId(id)
                                                                       .addMessages(message(Role.ROLE_USER, eighty))
                                                                       .build()),
                    "session_bytes", 160, MAX_SESSION_BYTES);
        assertThat(SessionServiceTest.get(sessions, id).getMessageCount()).isEqualTo(1);
    }

    @Test
    void bytesPerSessionOverHttp() {
        final String id = createEmptyOverHttp();
        final String eighty = "{\"messages\": [{\"role\": \"ROLE_USER\", \"content\": \"" + "x".repeat(80) + "\"}]}";
        assertThat(http(HttpMethod.POST, "/gateway/v1/sessions/" + id + ":append", eighty).status().code())
                .isEqualTo(200);
        assertHttpLimit(http(HttpMethod.POST, "/gateway/v1/sessions/" + id + ":append", eighty), "session_bytes");
    }

    @Test
    void metadataEntriesOverGrpc() {
        assertLimit(() -> sessions.createSession(CreateSessionRequest.newBuilder().putMetadata("a", "1")
                                                                     .putMetadata("b", "2").build()),
                    "metadata_entries", 2, MAX_METADATA_ENTRIES);
    }

    @Test
    void metadataEntriesOverHttp() {
        assertHttpLimit(http(HttpMethod.POST, "/gateway/v1/sessions", "{\"metadata\": {\"a\": \"1\", \"b\": \"2\"}}"),
                        "metadata_entries");
    }

    @Test
    void ttlOverGrpc() {
        assertLimit(() -> sessions.createSession(CreateSessionRequest.newBuilder().setTtlMs(MAX_TTL_MS + 1).build()),
                    "ttl_millis", MAX_TTL_MS + 1, MAX_TTL_MS);
    }

    @Test
    void ttlOverHttp() {
        assertHttpLimit(http(HttpMethod.POST, "/gateway/v1/sessions", "{\"ttl_ms\": " + (MAX_TTL_MS + 1) + '}'),
                        "ttl_millis");
    }

    @Test
    void pageSizeIsCappedOverGrpcAndHttp() {
        for (int i = 0; i <= MAX_PAGE_SIZE; i++) {
            createEmpty();
        }
        assertThat(sessions.listSessions(ListSessionsRequest.newBuilder().setPageSize(50).build()).getSessionsCount())
                .isEqualTo(MAX_PAGE_SIZE);
        assertThat(json(http(HttpMethod.GET, "/gateway/v1/sessions?page_size=50", null)).path("sessions").size())
                .isEqualTo(MAX_PAGE_SIZE);
    }

    @Test
    void anotherTenantGetsNotFoundOverHttp() {
        final String id = json(http(HttpMethod.POST, "/gateway/v1/sessions",
                                    "{\"messages\": [{\"role\": \"ROLE_SYSTEM\", \"content\": \"secret prompt\"}]}"))
                .path("session").path("id").asText();

        final AggregatedHttpResponse stranger =
                http(HttpMethod.GET, "/gateway/v1/sessions/" + id, null, OTHER_TENANT_API_KEY);
        assertThat(stranger.status().code()).isEqualTo(404);
        assertThat(stranger.contentUtf8()).contains("SESSION_NOT_FOUND").doesNotContain("secret prompt");
        assertThat(http(HttpMethod.DELETE, "/gateway/v1/sessions/" + id, null, OTHER_TENANT_API_KEY).status().code())
                .isEqualTo(404);
        assertThat(json(http(HttpMethod.GET, "/gateway/v1/sessions", null, OTHER_TENANT_API_KEY)).toString())
                .doesNotContain(id);

        final AggregatedHttpResponse owner = http(HttpMethod.GET, "/gateway/v1/sessions/" + id, null);
        assertThat(owner.status().code()).isEqualTo(200);
        assertThat(owner.contentUtf8()).contains("secret prompt");
    }

    private static String createEmpty() {
        return sessions.createSession(CreateSessionRequest.getDefaultInstance()).getSession().getId();
    }

    private static String createEmptyOverHttp() {
        return json(http(HttpMethod.POST, "/gateway/v1/sessions", "{}")).path("session").path("id").asText();
    }

    private static void assertLimit(Runnable call, String limit, long value, long max) {
        final ErrorInfo info = assertReason(call, Status.Code.FAILED_PRECONDITION, "CONTEXT_LIMIT_EXCEEDED");
        assertThat(info.getMetadataMap()).containsEntry("limit", limit)
                                         .containsEntry("value", Long.toString(value))
                                         .containsEntry("max", Long.toString(max));
    }

    private static void assertHttpLimit(AggregatedHttpResponse response, String limit) {
        assertThat(response.status().code()).as(response.contentUtf8()).isEqualTo(400);
        assertThat(response.contentUtf8()).contains("CONTEXT_LIMIT_EXCEEDED").contains("\"" + limit + "\"");
    }

    private static AggregatedHttpResponse http(HttpMethod method, String path, @Nullable String body) {
        return http(method, path, body, RunningGateway.API_KEY);
    }

    private static AggregatedHttpResponse http(HttpMethod method, String path, @Nullable String body,
                                               String apiKey) {
        final RequestHeaders headers = RequestHeaders.builder(method, path)
                                                     .set("authorization", "Bearer " + apiKey)
                                                     .contentType(MediaType.JSON_UTF_8)
                                                     .build();
        final HttpRequest request = body == null ? HttpRequest.of(headers)
                                                 : HttpRequest.of(headers, HttpData.ofUtf8(body));
        return BlockingWebClient.of(gateway.httpUri()).execute(request);
    }

    private static JsonNode json(AggregatedHttpResponse response) {
        assertThat(response.status().code()).as(response.contentUtf8()).isEqualTo(200);
        try {
            return JSON.readTree(response.contentUtf8());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
