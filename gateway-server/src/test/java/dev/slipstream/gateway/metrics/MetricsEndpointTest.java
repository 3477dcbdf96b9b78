package dev.slipstream.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.slipstream.gateway.testing.PrometheusText.value;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;

import dev.slipstream.api.gateway.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.GetUsageRequest;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.api.gateway.v1.StreamCompleteRequest;
import dev.slipstream.api.gateway.v1.StreamCompleteResponse;
import dev.slipstream.gateway.config.ApiKeyConfig;
import dev.slipstream.gateway.config.AuthConfig;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.config.PriceConfig;
import dev.slipstream.gateway.config.RateLimitConfig;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.StatusRuntimeException;

/** After a small run, /metrics shows every series the gateway promises, and GetUsage agrees with it. */
class MetricsEndpointTest {
    private static final String LIMITED = "limited-key-0123456789";

    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(
                EmbeddedConfig.create(Map.of())
                              .withAuth(new AuthConfig(null, List.of(new ApiKeyConfig(
                                      "limited", LIMITED, null, "t", List.of("chat"), List.of("local"), null,
                                      new RateLimitConfig(1L, null, null), null, null, null, null))))
                              .withPricing(List.of(new PriceConfig("local", 1_000_000L, null, null, 2_000_000L,
                                                                   null))));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aSmallRunShowsEverySeries() {
        final ChatServiceBlockingStub chat = gateway.chat();
        long costs = chat.complete(hello("local")).getCostMicrosUsd();
        costs += chat.complete(hello("local")).getCostMicrosUsd();
        final Iterator<StreamCompleteResponse> chunks = chat.streamComplete(
                StreamCompleteRequest.newBuilder().setModel("local").addMessages(user()).build());
        StreamCompleteResponse last = null;
        while (chunks.hasNext()) {
            last = chunks.next();
        }
        costs += last.getCostMicrosUsd();
        final ChatServiceBlockingStub limited = gateway.grpcClient(LIMITED).build(ChatServiceBlockingStub.class);
        costs += limited.complete(hello("local")).getCostMicrosUsd();
        catchThrowableOfType(StatusRuntimeException.class, () -> limited.complete(hello("local")));
        catchThrowableOfType(StatusRuntimeException.class, () -> limited.complete(hello("local/slipstream-local")));

        final AggregatedHttpResponse response = BlockingWebClient.of(gateway.httpUri()).get("/metrics");
        final String metrics = response.contentUtf8();

        assertThat(response.headers().contentType().toString()).startsWith("text/plain; version=0.0.4");
        assertThat(value(metrics, "slipstream_requests_total{key_id=\"default\",model=\"local\",provider=\"local\"," +
                                  "outcome=\"ok\",}")).isEqualTo(3);
        assertThat(value(metrics, "slipstream_requests_total{key_id=\"limited\",model=\"local\",provider=\"local\"," +
                                  "outcome=\"rate_limited\",}")).isEqualTo(1);
        assertThat(value(metrics, "slipstream_requests_total{key_id=\"limited\",model=\"unresolved\"," +
                                  "provider=\"unresolved\",outcome=\"permission_denied\",}")).isEqualTo(1);
        assertThat(value(metrics, "slipstream_policy_rejections_total{key_id=\"limited\",reason=\"rate_limited\",}"))
                .isEqualTo(1);
        assertThat(value(metrics, "slipstream_gateway_overhead_seconds_count{provider=\"local\",}")).isEqualTo(4);
        assertThat(value(metrics, "slipstream_upstream_seconds_count{provider=\"local\",}")).isEqualTo(4);
        assertThat(value(metrics, "slipstream_time_to_first_token_seconds_count{provider=\"local\",}")).isEqualTo(1);
        assertThat(value(metrics, "slipstream_tokens_total{key_id=\"default\",model=\"local\",direction=\"input\",}"))
                .isPositive();
        assertThat(value(metrics, "slipstream_tokens_total{key_id=\"default\",model=\"local\",direction=\"output\",}"))
                .isPositive();
        assertThat(value(metrics, "slipstream_in_flight_requests")).isZero();
        assertThat(metrics).as("Armeria's own meters").contains("armeria_server_requests_total");
        assertThat(metrics).as("JVM metrics").contains("jvm_memory_bytes_used");

        final double costMetric =
                value(metrics, "slipstream_cost_micros_usd_total{key_id=\"default\",model=\"local\",}") +
                value(metrics, "slipstream_cost_micros_usd_total{key_id=\"limited\",model=\"local\",}");
        final String today = LocalDate.now(ZoneOffset.UTC).toString();
        final long ledger = gateway.grpcClient().build(AdminServiceBlockingStub.class).getUsage(
                GetUsageRequest.newBuilder().setStartDay(today).setEndDay(today).build()).getTotalCostMicrosUsd();
        assertThat(costs).isPositive();
        assertThat(ledger).isEqualTo(costs);
        assertThat(costMetric).isEqualTo(costs);
    }

    private static CompleteRequest hello(String model) {
        return CompleteRequest.newBuilder().setModel(model).addMessages(user()).build();
    }

    private static Message user() {
        return Message.newBuilder().setRole(Role.ROLE_USER).setContent("hi").build();
    }
}
