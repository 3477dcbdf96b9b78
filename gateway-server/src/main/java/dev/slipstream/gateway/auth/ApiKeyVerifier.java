package dev.slipstream.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * Checks a presented API key against the configured keys and tells whose it is. Only the keys' SHA-256
 * digests are kept, and every digest is compared in constant time, so that timing reveals neither a key
 * nor which one matched.
 */
public final class ApiKeyVerifier {
    private static final String BEARER = "bearer ";

    private record KnownKey(byte[] hash, Principal principal) {}

    private final List<KnownKey> keys;

    /** @param tenantsByKey each accepted key and the tenant it belongs to */
    public ApiKeyVerifier(Map<String, String> tenantsByKey) {
        final List<KnownKey> known = new ArrayList<>(tenantsByKey.size());
        tenantsByKey.forEach((key, tenant) -> known.add(new KnownKey(sha256(key), new Principal(tenant))));
        keys = List.copyOf(known);
    }

    /** The principal the key belongs to, or null when it is missing or not a configured key. */
    @Nullable
    public Principal authenticate(@Nullable String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return null;
        }
        final byte[] presented = sha256(presentedKey);
        Principal match = null;
        for (KnownKey key : keys) {
            if (MessageDigest.isEqual(key.hash(), presented)) {
                match = key.principal();
            }
        }
        return match;
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
