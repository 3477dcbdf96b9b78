package dev.slipstream.execution.venue.bybit;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.order.Side;
import java.math.BigDecimal;
import java.time.Instant;

/** One public trade ({@code publicTrade.{symbol}} or {@code GET /v5/market/recent-trade}); side is the taker's. */
public record BybitTrade(String tradeId, String symbol, Side takerSide, BigDecimal size, BigDecimal price, Instant time) {

    public BybitTrade {
        requireNonNull(tradeId, "tradeId");
        requireNonNull(symbol, "symbol");
        requireNonNull(takerSide, "takerSide");
        requireNonNull(size, "size");
        requireNonNull(price, "price");
        requireNonNull(time, "time");
    }
}
