package dev.slipstream.execution.venue.bybit.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** One test per rejected value; the defaults follow Bybit's advice (ping every 20 s). */
class StreamSettingsTest {

    private static final StreamSettings D = StreamSettings.DEFAULT;

    private static void rejected(Supplier<StreamSettings> settings, String message) {
        assertThatThrownBy(settings::get).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void defaultsPingEveryTwentySeconds() {
        assertThat(D.pingInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(D.bookDepth()).isEqualTo(50);
    }

    @Test
    void aZeroConnectTimeoutIsRefused() {
        rejected(() -> new StreamSettings(Duration.ZERO, D.pingInterval(), D.pongTimeout(), D.initialBackoff(),
                D.maxBackoff(), D.maxMessageChars(), D.handshakeTimeout(), D.authExpiry(), D.bookDepth()),
                "connectTimeout: PT0S (expected: > 0)");
    }

    @Test
    void aNegativePingIntervalIsRefused() {
        rejected(() -> D.withPing(Duration.ofSeconds(-1), Duration.ofSeconds(1)),
                "pingInterval: PT-1S (expected: > 0)");
    }

    @Test
    void aPongTimeoutLongerThanThePingIntervalIsRefused() {
        rejected(() -> D.withPing(Duration.ofSeconds(5), Duration.ofSeconds(6)),
                "pongTimeout: PT6S (expected: <= pingInterval PT5S)");
    }

    @Test
    void aMaxBackoffBelowTheInitialOneIsRefused() {
        rejected(() -> D.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)),
                "maxBackoff: PT1S (expected: >= initialBackoff PT2S)");
    }

    @Test
    void aTinyMessageLimitIsRefused() {
        rejected(() -> D.withMaxMessageChars(100), "maxMessageChars: 100 (expected: >= 1024)");
    }

    @Test
    void aZeroAuthExpiryIsRefused() {
        rejected(() -> D.withAuthExpiry(Duration.ZERO), "authExpiry: PT0S (expected: > 0)");
    }

    @Test
    void aBookDepthBybitDoesNotOfferIsRefused() {
        rejected(() -> D.withBookDepth(25), "bookDepth: 25 (expected: 1, 50, 200, 500 or 1000)");
    }
}
