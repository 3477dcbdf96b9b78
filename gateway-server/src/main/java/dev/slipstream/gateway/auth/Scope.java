package dev.slipstream.gateway.auth;

import java.util.Locale;

/** What an API key may call; each gRPC service and HTTP route needs one. */
public enum Scope {
    CHAT, SESSIONS, PROMPTS, ADMIN;

    /** The name used in the configuration and in messages, e.g. {@code chat}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scope fromConfigName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
