package dev.slipstream.loadtest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class GhzReportTest {
    @Test
    void summaryAndJsonCarryGhzsSectionsAndFigures() throws Exception {
        final Histogram micros = new Histogram(60_000_000, 3);
        for (int i = 1; i <= 100; i++) {
            micros.recordValue(i * 20L); // below 2,048 µs, where 3 significant digits are exact
        }
        final RunResult result = new RunResult(103, 2_000_000_000L, micros, 0, Map.of("OK", 100L, "UNAVAILABLE", 3L),
                                               Map.of("rpc error: code = UNAVAILABLE desc = down", 3L));

        final String summary = GhzReport.summary("run", "closed loop", result);
        assertThat(summary).contains("Count:\t103", "Total:\t2000.00 ms", "Slowest:\t2.00 ms",
                                     "Fastest:\t0.02 ms", "Average:\t1.01 ms", "Requests/sec:\t51.50",
                                     "Response time histogram:", "50 % in 1.00 ms", "99.9 % in 2.00 ms",
                                     "[OK]\t100 responses", "[3]\trpc error: code = UNAVAILABLE desc = down");

        final ObjectNode config = (ObjectNode) new ObjectMapper().readTree(
                "{\"call\":\"slipstream.gateway.v1.ChatService.Complete\",\"host\":\"h:1\"}");
        final JsonNode json = new ObjectMapper().readTree(
                GhzReport.json(GhzConfig.from(config, false), "closed loop", result, false));
        assertThat(json.path("count").asLong()).isEqualTo(103);
        assertThat(json.path("total").asLong()).isEqualTo(2_000_000_000L);
        assertThat(json.path("slowest").asLong()).isEqualTo(2_000_000L);
        assertThat(json.path("latencyDistribution").get(2).path("percentage").asDouble()).isEqualTo(50);
        assertThat(json.path("latencyDistribution").get(2).path("latency").asLong()).isEqualTo(1_000_000L);
        assertThat(json.path("statusCodeDistribution").path("UNAVAILABLE").asLong()).isEqualTo(3);
        long bucketed = 0;
        for (JsonNode bucket : json.path("histogram")) {
            bucketed += bucket.path("count").asLong();
        }
        assertThat(bucketed).as("every measured call is in one histogram bucket").isEqualTo(100);
    }
}
