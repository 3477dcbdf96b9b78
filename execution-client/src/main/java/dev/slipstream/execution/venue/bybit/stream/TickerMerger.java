package dev.slipstream.execution.venue.bybit.stream;

import static dev.slipstream.execution.venue.bybit.BybitWire.decimal;
import static dev.slipstream.execution.venue.bybit.BybitWire.millis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipstream.execution.venue.bybit.BybitTicker;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code tickers.{symbol}} topic of a linear or inverse symbol: a snapshot, then deltas that carry only the fields
 * that changed (v5 "Ticker": "if a response param is not found in the message, then its value has not changed").
 */
final class TickerMerger {

    private static final List<String> REQUIRED = List.of("symbol", "bid1Price", "ask1Price", "lastPrice",
            "markPrice", "fundingRate", "nextFundingTime", "openInterest", "volume24h", "turnover24h");

    private @Nullable ObjectNode last;

    /** Forgets the last snapshot: after a resubscription a new one comes first. */
    void reset() {
        last = null;
    }

    /** The ticker after this message, or null for a delta that arrived before any snapshot. */
    @Nullable BybitTicker apply(JsonNode message) {
        JsonNode data = message.path("data");
        if (!data.isObject()) {
            throw new IllegalArgumentException("ticker message without a data object");
        }
        if ("snapshot".equals(message.path("type").asText())) {
            last = ((ObjectNode) data).deepCopy();
        } else if (last == null) {
            return null;
        } else {
            last.setAll((ObjectNode) data);
        }
        return ticker(last);
    }

    private static BybitTicker ticker(ObjectNode merged) {
        List<String> missing = REQUIRED.stream().filter(field -> !merged.hasNonNull(field)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("ticker of " + merged.path("symbol").asText("?") + " lacks " + missing
                    + " (a linear or inverse ticker has them)");
        }
        return new BybitTicker(merged.get("symbol").asText(), decimal(merged, "bid1Price"),
                decimal(merged, "ask1Price"), decimal(merged, "lastPrice"), decimal(merged, "markPrice"),
                decimal(merged, "fundingRate"), millis(merged, "nextFundingTime"), decimal(merged, "openInterest"),
                decimal(merged, "volume24h"), decimal(merged, "turnover24h"));
    }
}
