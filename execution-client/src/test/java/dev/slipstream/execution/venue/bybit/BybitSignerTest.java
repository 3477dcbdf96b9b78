package dev.slipstream.execution.venue.bybit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class BybitSignerTest {

    private final BybitSigner signer = new BybitSigner(new BybitCredentials("test-key", "test-secret"));

    @Test
    void getQueryMatchesTheVectorInTheDesignNotes() {
        assertEquals("9a7c8cfd6ba1a7c498aa4dd5a7f9cfbba01fcb6eebae734ffe0d775870a1a3fb",
                signer.signRequest(1_700_000_000_000L, 5000, "category=linear&symbol=BTCUSDT"));
    }

    /** Expected value computed with {@code printf '%s' "$text" | openssl dgst -sha256 -hmac test-secret}. */
    @Test
    void postBodyMatchesOpenssl() {
        String body = "{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                + "\"qty\":\"0.001\",\"price\":\"30000\",\"timeInForce\":\"PostOnly\",\"orderLinkId\":\"parent-1-E1\"}";
        assertEquals("81fe616b9be45f9585177ba000314f03d3a8d86cd2e0b513b429ab725bd012b5",
                signer.signRequest(1_700_000_000_000L, 5000, body));
    }

    /** Expected value computed with openssl over {@code GET/realtime1700000005000}. */
    @Test
    void webSocketAuthMatchesOpenssl() {
        assertEquals("4343ac53a3dafc0ec96562c63a7899f56be48a0e2ab052e07ae410e8f5472338",
                signer.signWebSocketAuth(1_700_000_005_000L));
    }

    @Test
    void credentialsNeverPrintTheSecret() {
        assertFalse(new BybitCredentials("k", "very-secret").toString().contains("very-secret"));
    }
}
