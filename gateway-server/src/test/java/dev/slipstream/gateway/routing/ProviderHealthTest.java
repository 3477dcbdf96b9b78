package dev.slipstream.gateway.routing;

import static dev.slipstream.gateway.routing.RoutingFixture.PRIMARY;
import static dev.slipstream.gateway.routing.RoutingFixture.ROUTE;
import static dev.slipstream.gateway.routing.RoutingFixture.SECONDARY;
import static dev.slipstream.gateway.routing.RoutingFixture.request;
import static dev.slipstream.gateway.routing.RoutingFixture.retries;
import static dev.slipstream.gateway.routing.RoutingFixture.target;
import static dev.slipstream.gateway.testing.PrometheusText.value;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.protobuf.util.JsonFormat;
import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpRequest;

import dev.slipstream.api.gateway.v1.CircuitState;
import dev.slipstream.api.gateway.v1.ListProviderHealthResponse;
import dev.slipstream.api.gateway.v1.TargetHealth;
import dev.slipstream.gateway.config.BreakerConfig;
import dev.slipstream.gateway.testing.PrometheusText;
import dev.slipstream.gateway.testing.RunningGateway;

/**
 * A primary whose breaker has opened is reported as such, with its failure rate and the calls the breaker
 * refused, by AdminService.ListProviderHealth, by its HTTP forms ({@code GET /admin/providers} and the
 * transcoded {@code GET /gateway/v1/admin/providers}), and on /metrics.
 */
class ProviderHealthTest {
    private static final int WINDOW = 4;
    /** Opens on 50 % failures over the last 4 calls, and stays open for the whole test. */
    private static final BreakerConfig BREAKER = new BreakerConfig(50, null, null, WINDOW, WINDOW, 600_000L, 1);

    private static RoutingFixture routing;

    @BeforeAll
    static void openThePrimaryBreaker() {
        routing = RoutingFixture.fallback(target("primary", "model-a", 0, retries(1), BREAKER));
        routing.primary.failWith(503);
        for (int i = 0; i < WINDOW + 1; i++) {
            routing.gateway.chat().complete(request());
        }
    }

    @AfterAll
    static void stop() {
        routing.close();
    }

    @Test
    void adminServiceReportsEveryTarget() {
        final TargetHealth primary = routing.health(PRIMARY);
        assertThat(primary.getCircuitState()).isEqualTo(CircuitState.CIRCUIT_STATE_OPEN);
        assertThat(primary.getFailureRatePercent()).isEqualTo(100f);
        assertThat(primary.getBufferedCalls()).isEqualTo(WINDOW);
        assertThat(primary.getNotPermittedCalls()).isEqualTo(1);
        assertThat(primary.getLatencyMs()).isPositive();
        assertThat(primary.getInFlightCalls()).isZero();
        final TargetHealth secondary = routing.health(SECONDARY);
        assertThat(secondary.getCircuitState()).isEqualTo(CircuitState.CIRCUIT_STATE_CLOSED);
        assertThat(secondary.getFailureRatePercent()).as("below the minimum of calls").isEqualTo(-1f);
        assertThat(routing.providerHealth().getTargetsList())
                .filteredOn(health -> health.getRoute().equals("local")).singleElement()
                .extracting(TargetHealth::getCircuitState).isEqualTo(CircuitState.CIRCUIT_STATE_DISABLED);
    }

    @Test
    void theHttpFormsCarryTheSameReport() throws Exception {
        final ListProviderHealthResponse grpc = withoutLatency(routing.providerHealth());

        assertThat(withoutLatency(parse(get("/admin/providers")))).isEqualTo(grpc);
        assertThat(withoutLatency(parse(get("/gateway/v1/admin/providers")))).isEqualTo(grpc);
        assertThat(get("/admin/providers").contentUtf8()).contains("\"circuit_state\": \"CIRCUIT_STATE_OPEN\"");
    }

    @Test
    void metricsShowTheBreakerStatesAndRates() {
        final String metrics = PrometheusText.scrape(routing.gateway);

        assertThat(value(metrics, state(PRIMARY, "OPEN"))).isEqualTo(1);
        assertThat(value(metrics, state(PRIMARY, "CLOSED"))).isZero();
        assertThat(value(metrics, state(SECONDARY, "CLOSED"))).isEqualTo(1);
        assertThat(value(metrics, state(SECONDARY, "OPEN"))).isZero();
        assertThat(value(metrics, series("slipstream_provider_failure_rate_percent", PRIMARY))).isEqualTo(100);
        assertThat(value(metrics, series("slipstream_provider_not_permitted_calls_total", PRIMARY))).isEqualTo(1);
        assertThat(value(metrics, series("slipstream_provider_in_flight_calls", PRIMARY))).isZero();
        assertThat(value(metrics, series("slipstream_provider_latency_seconds", PRIMARY))).isPositive();
    }

    private static String state(String target, String state) {
        return "slipstream_provider_circuit_state{route=\"" + ROUTE + "\",target=\"" + target + "\",state=\"" +
               state + "\",}";
    }

    private static String series(String name, String target) {
        return name + "{route=\"" + ROUTE + "\",target=\"" + target + "\",}";
    }

    private static AggregatedHttpResponse get(String path) {
        final AggregatedHttpResponse response = BlockingWebClient.of(routing.gateway.httpUri()).execute(
                HttpRequest.builder().get(path).header("authorization", "Bearer " + RunningGateway.API_KEY)
                           .build());
        assertThat(response.status().code()).as(path + ": " + response.contentUtf8()).isEqualTo(200);
        return response;
    }

    /** The latency decays while idle, so two reports a moment apart differ in it only. */
    private static ListProviderHealthResponse withoutLatency(ListProviderHealthResponse report) {
        final ListProviderHealthResponse.Builder builder = report.toBuilder();
        builder.getTargetsBuilderList().forEach(TargetHealth.Builder::clearLatencyMs);
        return builder.build();
    }

    private static ListProviderHealthResponse parse(AggregatedHttpResponse response) throws Exception {
        final ListProviderHealthResponse.Builder report = ListProviderHealthResponse.newBuilder();
        JsonFormat.parser().merge(response.contentUtf8(), report);
        return report.build();
    }
}
