package dev.slipstream.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * Checks a presented API key against the one configured key. Only the key's SHA-256 is kept, and digests
 * are compared in constant time.
 */
public final class ApiKeyVerifier {
    private static final String BEARER = "bearer ";

    private final byte[] keyHash;

    public ApiKeyVerifier(String apiKey) {
        keyHash = sha256(apiKey);
    }

    public boolean verify(@Nullable String presentedKey) {
        return presentedKey != null && !presentedKey.isEmpty() &&
               MessageDigest.isEqual(keyHash, sha256(presentedKey));
    }

    /** The key from an {@code authorization: Bearer <key>} header value, or null if it is not one. */
    @Nullable
    public static String bearerToken(@Nullable String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length() ||
            !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
