package dev.slipstream.gateway.auth;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;

/**
 * Checks a presented API key against the known keys and tells whose it is. Only the keys' SHA-256 digests
 * are kept, and every digest is compared in constant time, so that timing reveals neither a key nor which
 * one matched. Keys can be added and disabled at run time; the list is copied on each change, so checks
 * never take a lock.
 */
public final class ApiKeyVerifier {
    private static final String BEARER = "bearer ";

    private volatile List<ApiKey> keys;
    private final Clock clock;

    public ApiKeyVerifier(List<ApiKey> keys, Clock clock) {
        this.keys = List.copyOf(keys);
        this.clock = requireNonNull(clock, "clock");
    }

    /** Every known key, in the order they were added. */
    public List<ApiKey> keys() {
        return keys;
    }

    /**
     * Adds {@code key}.
     *
     * @throws GatewayException KEY_ALREADY_EXISTS when its id or digest is already known
     */
    public synchronized void add(ApiKey key) {
        for (ApiKey known : keys) {
            if (known.id().equals(key.id()) || MessageDigest.isEqual(known.sha256(), key.sha256())) {
                throw GatewayException.of(ErrorReason.KEY_ALREADY_EXISTS,
                                          "API key '" + key.id() + "' already exists (expected: a new id)");
            }
        }
        final List<ApiKey> added = new ArrayList<>(keys);
        added.add(key);
        keys = List.copyOf(added);
    }

    /** Takes in the stored keys: each replaces the known key with its id, or is added. */
    public synchronized void sync(List<ApiKey> stored) {
        final List<ApiKey> merged = new ArrayList<>(keys);
        for (ApiKey key : stored) {
            boolean replaced = false;
            for (int i = 0; i < merged.size() && !replaced; i++) {
                if (merged.get(i).id().equals(key.id())) {
                    merged.set(i, key);
                    replaced = true;
                }
            }
            if (!replaced) {
                merged.add(key);
            }
        }
        keys = List.copyOf(merged);
    }

    /**
     * Disables the key with id {@code keyId} and returns it as it is now.
     *
     * @throws GatewayException KEY_NOT_FOUND when no key has that id
     */
    public synchronized ApiKey disable(String keyId) {
        final List<ApiKey> changed = new ArrayList<>(keys);
        for (int i = 0; i < changed.size(); i++) {
            final ApiKey key = changed.get(i);
            if (key.id().equals(keyId)) {
                final ApiKey disabled = new ApiKey(key.sha256(), key.principal(), true, key.expiresAt());
                changed.set(i, disabled);
                keys = List.copyOf(changed);
                return disabled;
            }
        }
        throw GatewayException.of(ErrorReason.KEY_NOT_FOUND, "no API key with id '" + keyId + '\'');
    }

    /**
     * The principal {@code presentedKey} belongs to.
     *
     * @throws GatewayException UNAUTHENTICATED when the key is missing, unknown, disabled or expired; the
     *         message names the key's id, never the key
     */
    public Principal authenticate(@Nullable String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            throw GatewayException.of(ErrorReason.UNAUTHENTICATED,
                                      "missing API key (expected: authorization: Bearer <key>)");
        }
        final byte[] presented = sha256(presentedKey);
        ApiKey match = null;
        // No early exit: every call compares against every key.
        for (ApiKey key : keys) {
            if (MessageDigest.isEqual(key.sha256(), presented)) {
                match = key;
            }
        }
        if (match == null) {
            throw GatewayException.of(ErrorReason.UNAUTHENTICATED, "invalid API key");
        }
        if (match.disabled()) {
            throw GatewayException.of(ErrorReason.UNAUTHENTICATED, "API key '" + match.id() + "' is disabled");
        }
        final Instant expiresAt = match.expiresAt();
        if (expiresAt != null && !clock.instant().isBefore(expiresAt)) {
            throw GatewayException.of(ErrorReason.UNAUTHENTICATED,
                                      "API key '" + match.id() + "' expired at " + expiresAt);
        }
        return match.principal();
    }

    /**
     * The principal of the key in an {@code authorization} header value.
     *
     * @throws GatewayException UNAUTHENTICATED as {@link #authenticate(String)}, and for a value that is not
     *         {@code Bearer <key>}
     */
    public Principal authenticateAuthorization(@Nullable String authorization) {
        if (authorization == null) {
            return authenticate(null);
        }
        final String key = bearerToken(authorization);
        if (key == null) {
            throw GatewayException.of(ErrorReason.UNAUTHENTICATED,
                                      "invalid API key (expected: authorization: Bearer <key>)");
        }
        return authenticate(key);
    }

    /** The key from an {@code authorization: Bearer <key>} header value, or null if it is not one. */
    @Nullable
    private static String bearerToken(String authorization) {
        if (authorization.length() <= BEARER.length() ||
            !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
