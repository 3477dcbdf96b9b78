package dev.slipstream.gateway.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** New API key secrets: {@code slip_} and 32 URL-safe characters (192 random bits). */
public final class ApiKeySecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {}

    public static String generate() {
        final byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "slip_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
