package dev.slipstream.execution.venue.bybit;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bybit v5 HMAC-SHA256 signatures, lowercase hex. REST signs {@code timestamp + apiKey + recvWindow + payload}, where
 * the payload is the exact query string (GET) or raw JSON body (POST) sent; the private WebSocket signs
 * {@code "GET/realtime" + expires}.
 */
public final class BybitSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final BybitCredentials credentials;

    public BybitSigner(BybitCredentials credentials) {
        this.credentials = requireNonNull(credentials, "credentials");
    }

    public String apiKey() {
        return credentials.apiKey();
    }

    public String signRequest(long timestampMillis, long recvWindowMillis, String payload) {
        return sign(timestampMillis + credentials.apiKey() + recvWindowMillis + payload);
    }

    public String signWebSocketAuth(long expiresMillis) {
        return sign("GET/realtime" + expiresMillis);
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(credentials.apiSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
