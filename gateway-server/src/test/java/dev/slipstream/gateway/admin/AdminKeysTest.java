package dev.slipstream.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.rpc.BadRequest;

import dev.slipstream.api.gateway.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import dev.slipstream.api.gateway.v1.ApiKeyInfo;
import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.CreateKeyRequest;
import dev.slipstream.api.gateway.v1.CreateKeyResponse;
import dev.slipstream.api.gateway.v1.DisableKeyRequest;
import dev.slipstream.api.gateway.v1.KeyLimits;
import dev.slipstream.api.gateway.v1.ListKeysRequest;
import dev.slipstream.api.gateway.v1.ListKeysResponse;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.gateway.auth.ApiKeys;
import dev.slipstream.gateway.config.ApiKeyConfig;
import dev.slipstream.gateway.config.AuthConfig;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** AdminService's keys: created with a secret shown once, listed without secrets, disabled; admin scope only. */
class AdminKeysTest {
    private static final String CHAT_KEY = "chat-key-0123456789";

    private static RunningGateway gateway;
    private static AdminServiceBlockingStub admin;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(EmbeddedConfig.create(Map.of()).withAuth(
                new AuthConfig(null, List.of(ApiKeyConfig.ofKey(CHAT_KEY, "team-c")))));
        admin = gateway.grpcClient().build(AdminServiceBlockingStub.class);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aCreatedKeyWorksIsListedWithoutItsSecretAndStopsWorkingWhenDisabled() {
        final CreateKeyResponse created = admin.createKey(
                CreateKeyRequest.newBuilder().setKeyId("desk").setTenant("trading").addScopes("chat")
                                .addModels("local").setLimits(KeyLimits.newBuilder().setRequestsPerMinute(100))
                                .build());
        assertThat(created.getSecret()).startsWith("slip_").hasSize(37);
        assertThat(created.getKey().getScopesList()).containsExactly("chat");
        final ChatServiceBlockingStub chat = gateway.grpcClient(created.getSecret())
                                                    .build(ChatServiceBlockingStub.class);
        assertThat(chat.complete(hello()).getMessage().getContent()).isNotEmpty();

        final ListKeysResponse listed = admin.listKeys(ListKeysRequest.getDefaultInstance());
        assertThat(listed.getKeysList()).extracting(ApiKeyInfo::getKeyId).contains("default", "desk");
        assertThat(listed.toString()).doesNotContain(created.getSecret(), RunningGateway.API_KEY, CHAT_KEY);
        assertThat(listed.getKeysList()).filteredOn(k -> k.getKeyId().equals("desk")).singleElement()
                                        .satisfies(k -> {
                                            assertThat(k.getTenant()).isEqualTo("trading");
                                            assertThat(k.getLimits().getRequestsPerMinute()).isEqualTo(100);
                                        });

        assertThat(admin.disableKey(DisableKeyRequest.newBuilder().setKeyId("desk").build()).getKey()
                        .getDisabled()).isTrue();
        final StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                                                              () -> chat.complete(hello()));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(e.getStatus().getDescription()).isEqualTo("API key 'desk' is disabled");
    }

    @Test
    void aKeyCreatedToBypassTheCacheSaysSoAndTheStoredFormKeepsIt() {
        final CreateKeyResponse created = admin.createKey(
                CreateKeyRequest.newBuilder().setKeyId("always-fresh").setTenant("t").setBypassCache(true).build());

        assertThat(created.getKey().getBypassCache()).isTrue();
        assertThat(admin.listKeys(ListKeysRequest.getDefaultInstance()).getKeysList())
                .filteredOn(k -> k.getKeyId().equals("always-fresh") || k.getKeyId().equals("default"))
                .extracting(ApiKeyInfo::getKeyId, ApiKeyInfo::getBypassCache)
                .containsExactlyInAnyOrder(tuple("always-fresh", true), tuple("default", false));
        // What Redis holds for a created key (the configuration's shape) carries the setting to other replicas.
        final ApiKeyConfig stored = ApiKeys.toStoredConfig(ApiKeys.compile(new ApiKeyConfig(
                "stored", "stored-key-0123456789", null, "t", null, null, null, null, null, null, null, true)));
        assertThat(stored.bypassCache()).isTrue();
        assertThat(ApiKeys.compile(stored).principal().bypassCache()).isTrue();
    }

    @Test
    void theSameRequestIdCreatesOneKey() {
        final CreateKeyRequest request = CreateKeyRequest.newBuilder().setRequestId("req-1").setTenant("t").build();

        final CreateKeyResponse first = admin.createKey(request);
        final CreateKeyResponse again = admin.createKey(request);

        assertThat(again).isEqualTo(first);
        assertThat(first.getKey().getKeyId()).startsWith("key-");
        assertThat(first.getKey().getScopesList()).containsExactly("chat", "sessions", "prompts");
    }

    @Test
    void invalidKeysAreRefusedFieldByField() throws Exception {
        final StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> admin.createKey(
                CreateKeyRequest.newBuilder().setTenant("team b").addScopes("root").build()));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        final BadRequest badRequest = StatusProto.fromThrowable(e).getDetailsList().stream()
                                                 .filter(d -> d.is(BadRequest.class)).findFirst().orElseThrow()
                                                 .unpack(BadRequest.class);
        assertThat(badRequest.getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField)
                                                      .containsExactly("tenant", "scopes");
    }

    @Test
    void anExistingIdIsRefused() {
        final StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> admin.createKey(
                CreateKeyRequest.newBuilder().setKeyId("default").setTenant("t").build()));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(e.getStatus().getDescription()).startsWith("id: 'default' is used by an earlier key");
    }

    @Test
    void onlyAdminKeysReachTheAdminService() {
        final StatusRuntimeException e = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> gateway.grpcClient(CHAT_KEY).build(AdminServiceBlockingStub.class)
                             .listKeys(ListKeysRequest.getDefaultInstance()));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(e.getStatus().getDescription()).endsWith(
                "lacks scope 'admin' (needed by slipstream.gateway.v1.AdminService)");
    }

    private static CompleteRequest hello() {
        return CompleteRequest.newBuilder().setModel("local")
                              .addMessages(Message.newBuilder().setRole(Role.ROLE_USER).setContent("hi")).build();
    }
}
