package dev.slipstream.execution.venue.bybit;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** An API key and its secret, read from the environment only; {@link #toString()} never shows the secret. */
public record BybitCredentials(String apiKey, String apiSecret) {

    public static final String API_KEY_VARIABLE = "BYBIT_API_KEY";
    public static final String API_SECRET_VARIABLE = "BYBIT_API_SECRET";

    public BybitCredentials {
        requireNonNull(apiKey, "apiKey");
        requireNonNull(apiSecret, "apiSecret");
        if (apiKey.isBlank() || apiSecret.isBlank()) {
            throw new IllegalArgumentException("Bybit API key and secret must not be blank");
        }
    }

    public static BybitCredentials fromEnvironment(Map<String, String> environment) {
        String key = environment.get(API_KEY_VARIABLE);
        String secret = environment.get(API_SECRET_VARIABLE);
        if (key == null || secret == null) {
            throw new IllegalStateException(
                    "set " + API_KEY_VARIABLE + " and " + API_SECRET_VARIABLE + " in the environment");
        }
        return new BybitCredentials(key, secret);
    }

    @Override
    public String toString() {
        return "BybitCredentials[apiKey=" + apiKey + ", apiSecret=***]";
    }
}
