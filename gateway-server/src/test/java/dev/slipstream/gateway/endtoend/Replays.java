package dev.slipstream.gateway.endtoend;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.venue.Bar;
import dev.slipstream.execution.venue.BarCsv;
import dev.slipstream.execution.venue.ShippedFixtures;

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

    static List<JsonNode> auditRecords(String audit) {
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
