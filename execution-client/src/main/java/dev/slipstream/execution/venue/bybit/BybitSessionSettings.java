package dev.slipstream.execution.venue.bybit;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.venue.bybit.rest.BybitRestConfig;
import dev.slipstream.execution.venue.bybit.stream.StreamSettings;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How to open a trading session on Bybit. {@code endpointOverride} points REST at another base (the local fake);
 * the streams are then expected at {@code ws://host:port/v5/public/{category}} and {@code /v5/private} of
 * {@code streamOverride}, or of the REST host when that is null. {@code realMoneyConfirmed} must be true for
 * {@link BybitMode#MAINNET}.
 *
 * @param marketData where the book and trades come from
 * @param marketDataPoll how often market data is polled over REST when {@code marketData} is {@code REST}
 * @param streams timeouts, ping and reconnect backoff of the WebSocket streams
 */
public record BybitSessionSettings(
        BybitMode mode, String symbol, @Nullable URI endpointOverride, @Nullable URI streamOverride,
        boolean realMoneyConfirmed, BybitRestConfig rest, BybitVenueConfig venue, MarketData marketData,
        Duration marketDataPoll, StreamSettings streams) {

    /** The public WebSocket, or REST polling where no WebSocket gets through (coarser, but complete). */
    public enum MarketData { WEBSOCKET, REST }

    public static final String CONFIRMATION_FLAG = "--i-understand-this-trades-real-money";

    public BybitSessionSettings {
        requireNonNull(mode, "mode");
        requireNonNull(symbol, "symbol");
        requireNonNull(rest, "rest");
        requireNonNull(venue, "venue");
        requireNonNull(marketData, "marketData");
        requireNonNull(marketDataPoll, "marketDataPoll");
        requireNonNull(streams, "streams");
        if (!symbol.matches("[A-Z0-9]{2,30}")) {
            throw new IllegalArgumentException("symbol: " + symbol + " (expected: a Bybit symbol such as BTCUSDT)");
        }
        if (mode == BybitMode.MAINNET && !realMoneyConfirmed) {
            throw new IllegalArgumentException("--venue mainnet trades real money; refusing to start without "
                    + CONFIRMATION_FLAG);
        }
        if (endpointOverride != null && !"http".equals(endpointOverride.getScheme())
                && !"https".equals(endpointOverride.getScheme())) {
            throw new IllegalArgumentException("endpoint override: " + endpointOverride
                    + " (expected: an http:// or https:// base URL)");
        }
        if (streamOverride != null && !"ws".equals(streamOverride.getScheme())
                && !"wss".equals(streamOverride.getScheme())) {
            throw new IllegalArgumentException("stream endpoint override: " + streamOverride
                    + " (expected: a ws:// or wss:// base URL)");
        }
        if (streamOverride != null && endpointOverride == null) {
            throw new IllegalArgumentException("a stream endpoint override goes with an endpoint override");
        }
    }

    public BybitEndpoints endpoints() {
        if (endpointOverride == null) {
            return mode.endpoints(rest.category());
        }
        String authority = streamOverride != null
                ? streamOverride.getScheme() + "://" + streamOverride.getRawAuthority()
                : (endpointOverride.getScheme().equals("https") ? "wss" : "ws") + "://"
                        + endpointOverride.getRawAuthority();
        return new BybitEndpoints(endpointOverride, URI.create(authority + "/v5/public/" + rest.category()),
                URI.create(authority + "/v5/private"));
    }
}
