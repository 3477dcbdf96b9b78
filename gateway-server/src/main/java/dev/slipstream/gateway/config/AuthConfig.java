package dev.slipstream.gateway.config;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * Caller authentication. Until per-key policy lands, one shared key guards the chat API.
 *
 * @param apiKey the key callers send as {@code authorization: Bearer <key>}; when absent, a random key is
 *               generated at start and printed once
 */
public record AuthConfig(@Nullable String apiKey) {
    public static final AuthConfig DEFAULT = new AuthConfig(null);
}
