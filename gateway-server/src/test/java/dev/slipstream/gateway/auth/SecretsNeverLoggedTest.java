package dev.slipstream.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;

import dev.slipstream.api.gateway.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.CreateKeyRequest;
import dev.slipstream.api.gateway.v1.CreateKeyResponse;
import dev.slipstream.api.gateway.v1.ListKeysRequest;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.gateway.config.ApiKeyConfig;
import dev.slipstream.gateway.config.AuthConfig;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Everything the gateway logs (SLF4J to the console, including the {@code slipstream.requests} log, and
 * java.util.logging, which gRPC uses) across auth success and failure on both surfaces and key creation,
 * names the keys by id and never contains a key's secret.
 */
class SecretsNeverLoggedTest {
    private static final String CALLER_SECRET = "caller-secret-7f3a9c1e5b";
    private static final String WRONG_SECRET = "wrong-secret-4d2b8e6a0c";

    private static RunningGateway gateway;
    private static final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private static PrintStream originalOut;
    private static PrintStream originalErr;
    private static final Handler julCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (captured) {
                captured.writeBytes(new SimpleFormatter().format(record).getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeAll
    static void captureLogsAndStart() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(tee(originalOut));
        System.setErr(tee(originalErr));
        Logger.getLogger("").addHandler(julCapture);
        gateway = RunningGateway.start(EmbeddedConfig.create(Map.of()).withAuth(new AuthConfig(null, List.of(
                new ApiKeyConfig("logged-caller", CALLER_SECRET, null, "desk", List.of("chat"), null, null, null,
                                 null, null, null, null)))));
    }

    @AfterAll
    static void restore() {
        gateway.close();
        Logger.getLogger("").removeHandler(julCapture);
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void logsNameKeysByIdAndNeverContainTheirSecrets() throws Exception {
        final CompleteRequest hello = CompleteRequest.newBuilder().setModel("local").addMessages(
                Message.newBuilder().setRole(Role.ROLE_USER).setContent("hello")).build();
        // Auth success on gRPC and HTTP, with the request log.
        gateway.grpcClient(CALLER_SECRET).build(ChatServiceBlockingStub.class).complete(hello);
        assertThat(http(CALLER_SECRET).status().code()).isEqualTo(200);
        // Auth failures: an unknown key on both surfaces, and a key without the scope.
        assertThat(catchThrowableOfType(StatusRuntimeException.class, () -> gateway.grpcClient(WRONG_SECRET).build(
                ChatServiceBlockingStub.class).complete(hello)).getStatus().getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(http(WRONG_SECRET).status().code()).isEqualTo(401);
        assertThat(catchThrowableOfType(StatusRuntimeException.class, () -> gateway.grpcClient(CALLER_SECRET).build(
                AdminServiceBlockingStub.class).listKeys(ListKeysRequest.getDefaultInstance())).getStatus().getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        // An admin creates a key, which is then used.
        final CreateKeyResponse created = gateway.grpcClient().build(AdminServiceBlockingStub.class).createKey(
                CreateKeyRequest.newBuilder().setKeyId("created-key").setTenant("desk").addScopes("chat").build());
        gateway.grpcClient(created.getSecret()).build(ChatServiceBlockingStub.class).complete(hello);

        final String logs = awaitLogged("\"key_id\":\"created-key\"");

        assertThat(logs).contains("\"key_id\":\"logged-caller\"", "API key 'created-key' of tenant 'desk' created");
        assertThat(logs).doesNotContain(CALLER_SECRET, WRONG_SECRET, created.getSecret(), RunningGateway.API_KEY);
    }

    private static AggregatedHttpResponse http(String apiKey) {
        return BlockingWebClient.of(gateway.httpUri()).execute(
                HttpRequest.builder().post("/v1/chat/completions").header("x-api-key", apiKey)
                           .content(MediaType.JSON_UTF_8,
                                    "{\"model\":\"local\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                           .build());
    }

    /** The request log line is written when the call ends, which may be just after the reply. */
    private static String awaitLogged(String text) throws InterruptedException {
        final long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            final String logs;
            synchronized (captured) {
                logs = captured.toString(StandardCharsets.UTF_8);
            }
            if (logs.contains(text) || System.nanoTime() > deadline) {
                return logs;
            }
            Thread.sleep(20);
        }
    }

    private static PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (captured) {
                    captured.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (captured) {
                    captured.write(b, off, len);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }
}
