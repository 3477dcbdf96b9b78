package dev.slipstream.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpRequest;

import dev.slipstream.gateway.config.ApiKeyConfig;
import dev.slipstream.gateway.config.AuthConfig;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.config.ServerConfig;
import dev.slipstream.gateway.testing.RunningGateway;

/** With {@code server.metrics_require_admin}, /metrics answers only a key with scope admin. */
class MetricsAuthTest {
    private static final String CHAT_KEY = "chat-only-key-0123456789";

    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        final GatewayConfig embedded = EmbeddedConfig.create(Map.of());
        final ServerConfig server = embedded.server();
        gateway = RunningGateway.start(
                embedded.withServer(new ServerConfig(server.host(), server.port(), server.maxRequestBytes(),
                                                     server.requestTimeoutMs(), server.docsEnabled(),
                                                     server.shutdownGraceMs(),
                                                     server.upstreamConnectionPoolSize(), true))
                        .withAuth(new AuthConfig(null, List.of(ApiKeyConfig.ofKey(CHAT_KEY, "desk")))));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void withoutAKeyIsUnauthenticated() {
        final AggregatedHttpResponse response = metrics(null);

        assertThat(response.status().code()).isEqualTo(401);
        assertThat(response.contentUtf8()).doesNotContain("slipstream_").contains("missing API key");
    }

    @Test
    void aKeyWithoutAdminIsForbidden() {
        final AggregatedHttpResponse response = metrics(CHAT_KEY);

        assertThat(response.status().code()).isEqualTo(403);
        assertThat(response.contentUtf8()).doesNotContain("slipstream_")
                                          .contains("lacks scope 'admin' (needed by GET /metrics)");
    }

    @Test
    void anAdminKeyGetsTheSeries() {
        final AggregatedHttpResponse response = metrics(RunningGateway.API_KEY);

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.contentUtf8()).contains("# TYPE slipstream_in_flight_requests gauge");
    }

    private static AggregatedHttpResponse metrics(String apiKey) {
        final var request = HttpRequest.builder().get("/metrics");
        if (apiKey != null) {
            request.header("authorization", "Bearer " + apiKey);
        }
        return BlockingWebClient.of(gateway.httpUri()).execute(request.build());
    }
}
