package dev.slipstream.context;

import java.util.UUID;

/**
 * Session ids: random UUIDs. An id of any other shape cannot name a session, so it is refused before it
 * could become part of a Redis key.
 */
final class SessionIds {
    private static final int UUID_LENGTH = 36;

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static boolean isWellFormed(String id) {
        if (id.length() != UUID_LENGTH) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private SessionIds() {}
}
