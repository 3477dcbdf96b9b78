package dev.slipstream.gateway.auth;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * A known API key as kept at run time: its SHA-256, never the key itself.
 *
 * @param expiresAt null when the key does not expire
 */
public record ApiKey(byte[] sha256, Principal principal, boolean disabled, @Nullable Instant expiresAt) {
    public ApiKey {
        requireNonNull(sha256, "sha256");
        requireNonNull(principal, "principal");
        if (sha256.length != 32) {
            throw new IllegalArgumentException("sha256: " + sha256.length + " bytes (expected: 32)");
        }
    }

    public String id() {
        return principal.keyId();
    }
}
