package dev.slipstream.gateway.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.slipstream.execution.engine.EngineState;
import dev.slipstream.execution.engine.ExecutionEngine;
import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.venue.Bar;
import dev.slipstream.execution.venue.BarCsv;
import dev.slipstream.execution.venue.ShippedFixtures;
import dev.slipstream.execution.venue.SimulatedClock;
import dev.slipstream.execution.venue.SimulatedVenue;
import dev.slipstream.gateway.testing.RunningGateway;

/** What the end-to-end replays share: the instrument, the shipped bars around an order, the audit lines. */
final class Replays {

    static final Instrument BTC_PERP = new Instrument("BTCUSDT", new BigDecimal("0.001"), new BigDecimal("0.001"),
                                                      new BigDecimal("0.5"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private Replays() {}

    /** An hour of warm-up for the venue's estimates, the horizon, and two minutes past the deadline. */
    static List<Bar> barsAround(ParentOrder parent) {
        final Instant from = parent.start().minus(Duration.ofHours(1));
        final Instant to = parent.deadline().plus(Duration.ofMinutes(2));
        return BarCsv.read(ShippedFixtures.marketData(ShippedFixtures.BTC_PERP_BARS)).stream()
                     .filter(bar -> !bar.time().isBefore(from) && !bar.time().isAfter(to))
                     .toList();
    }

    /**
     * Replays bar by bar until the engine is done, waiting after each bar for the advisor's answer (a live engine
     * has a minute between bars, a replay microseconds), and closes the gateway at the first bar at or after
     * {@code stopAt}. Then checks that the order completed in full by its deadline, and returns the audit records.
     */
    static List<JsonNode> runStoppingGatewayAt(Instant stopAt, RunningGateway gateway, ExecutionEngine engine,
                                               SimulatedVenue venue, SimulatedClock clock, Runnable awaitAnswer,
                                               StringWriter audit) {
        engine.start();
        boolean stopped = false;
        while (!engine.state().isTerminal() && venue.advance()) {
            awaitAnswer.run();
            if (!stopped && !clock.instant().isBefore(stopAt)) {
                gateway.close();
                stopped = true;
            }
        }
        assertThat(stopped).isTrue();
        assertThat(engine.state()).isEqualTo(EngineState.COMPLETE);
        assertThat(engine.filled()).isEqualByComparingTo(engine.parent().quantity());
        final List<JsonNode> records = auditRecords(audit.toString());
        assertThat(Instant.parse(records.getLast().get("time").asText()))
                .isBeforeOrEqualTo(engine.parent().deadline());
        assertThat(records.getLast().get("outcome").asText()).isEqualTo("COMPLETE");
        return records;
    }

    private static List<JsonNode> auditRecords(String audit) {
        return audit.lines().map(Replays::parse).toList();
    }

    static boolean after(JsonNode record, Instant instant) {
        return Instant.parse(record.get("time").asText()).isAfter(instant);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("audit line not JSON: " + line, e);
        }
    }
}
