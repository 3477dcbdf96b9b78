package dev.slipstream.execution.venue.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.execution.venue.bybit.rest.BybitRestConfig;
import dev.slipstream.execution.venue.bybit.stream.StreamSettings;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Which endpoints a session talks to, and what it refuses before talking to any. */
class BybitSessionSettingsTest {

    private static BybitSessionSettings settings(BybitMode mode, @Nullable String rest, @Nullable String streams,
            boolean confirmed) {
        return new BybitSessionSettings(mode, "BTCUSDT", rest == null ? null : URI.create(rest),
                streams == null ? null : URI.create(streams), confirmed, BybitRestConfig.defaults(),
                BybitVenueConfig.defaults(), BybitSessionSettings.MarketData.WEBSOCKET, Duration.ofMillis(500),
                StreamSettings.DEFAULT);
    }

    @Test
    void eachModeTalksToItsBybitEnvironment() {
        assertThat(settings(BybitMode.TESTNET, null, null, false).endpoints())
                .isEqualTo(BybitEndpoints.testnet("linear"));
        assertThat(settings(BybitMode.MAINNET, null, null, true).endpoints())
                .isEqualTo(BybitEndpoints.mainnet("linear"));
        assertThat(settings(BybitMode.PAPER, null, null, false).endpoints().rest())
                .hasToString("https://api.bybit.com");
    }

    @Test
    void anOverrideMovesRestAndTheStreams() {
        BybitEndpoints sameHost = settings(BybitMode.TESTNET, "http://127.0.0.1:9000", null, false).endpoints();
        assertThat(sameHost.rest()).hasToString("http://127.0.0.1:9000");
        assertThat(sameHost.publicStream()).hasToString("ws://127.0.0.1:9000/v5/public/linear");
        assertThat(sameHost.privateStream()).hasToString("ws://127.0.0.1:9000/v5/private");

        BybitEndpoints split = settings(BybitMode.TESTNET, "http://127.0.0.1:9000", "ws://127.0.0.1:9001", false)
                .endpoints();
        assertThat(split.publicStream()).hasToString("ws://127.0.0.1:9001/v5/public/linear");
        assertThat(split.privateStream()).hasToString("ws://127.0.0.1:9001/v5/private");
    }

    @Test
    void mainnetNeedsTheConfirmation() {
        assertThatThrownBy(() -> settings(BybitMode.MAINNET, null, null, false))
                .hasMessage("--venue mainnet trades real money; refusing to start without "
                        + "--i-understand-this-trades-real-money");
    }

    @Test
    void overridesMustHaveTheirSchemes() {
        assertThatThrownBy(() -> settings(BybitMode.TESTNET, "ftp://x", null, false))
                .hasMessageContaining("expected: an http:// or https:// base URL");
        assertThatThrownBy(() -> settings(BybitMode.TESTNET, "http://x", "http://y", false))
                .hasMessageContaining("expected: a ws:// or wss:// base URL");
        assertThatThrownBy(() -> settings(BybitMode.TESTNET, null, "ws://y", false))
                .hasMessageContaining("goes with an endpoint override");
    }

    @Test
    void symbolsLookLikeBybitsAndKeysComeFromTheEnvironment() {
        assertThatThrownBy(() -> new BybitSessionSettings(BybitMode.PAPER, "btc/usdt", null, null, false,
                BybitRestConfig.defaults(), BybitVenueConfig.defaults(), BybitSessionSettings.MarketData.REST,
                Duration.ofMillis(500), StreamSettings.DEFAULT))
                .hasMessageContaining("symbol: btc/usdt");
        assertThatThrownBy(() -> BybitTradingSession.open(settings(BybitMode.TESTNET, "http://127.0.0.1:1", null,
                false), java.util.Map.of(), java.time.Clock.systemUTC()))
                .hasMessage("set BYBIT_API_KEY and BYBIT_API_SECRET in the environment");
    }
}
