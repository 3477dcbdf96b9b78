package dev.slipstream.execution.venue.bybit;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A linear/inverse ticker ({@code GET /v5/market/tickers} or the {@code tickers.{symbol}} topic after its deltas are
 * merged into the last snapshot).
 */
public record BybitTicker(
        String symbol, BigDecimal bid1Price, BigDecimal ask1Price, BigDecimal lastPrice, BigDecimal markPrice,
        BigDecimal fundingRate, Instant nextFundingTime, BigDecimal openInterest, BigDecimal volume24h,
        BigDecimal turnover24h) {

    public BybitTicker {
        requireNonNull(symbol, "symbol");
        requireNonNull(bid1Price, "bid1Price");
        requireNonNull(ask1Price, "ask1Price");
        requireNonNull(lastPrice, "lastPrice");
        requireNonNull(markPrice, "markPrice");
        requireNonNull(fundingRate, "fundingRate");
        requireNonNull(nextFundingTime, "nextFundingTime");
        requireNonNull(openInterest, "openInterest");
        requireNonNull(volume24h, "volume24h");
        requireNonNull(turnover24h, "turnover24h");
    }
}
