package dev.slipstream.context;

/**
 * The Redis keys of the session store (the module README shows the whole layout). Both keys of a session
 * share the hash tag {@code {sess:<id>}}, so they live in one Redis Cluster slot and one script may use
 * both; a tenant's index has a hash tag of its own.
 */
final class RedisKeys {
    /** The session's keys in the order the session script expects: the hash, then the message list. */
    static String[] session(String sessionId) {
        return new String[] { meta(sessionId), messages(sessionId) };
    }

    static String meta(String sessionId) {
        return "{sess:" + sessionId + "}:meta";
    }

    static String messages(String sessionId) {
        return "{sess:" + sessionId + "}:msgs";
    }

    static String tenantIndex(String tenant) {
        return "{tenant:" + tenant + "}:sessions";
    }

    private RedisKeys() {}
}
