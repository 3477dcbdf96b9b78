package dev.slipstream.context;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Where a listing stopped: the last entry of the previous page. The next page starts strictly after it,
 * so sessions that expire or are deleted between pages shift nothing.
 */
record PageCursor(IndexEntry last) {
    private static final char SEPARATOR = '.';

    /** The cursor in {@code token}, or {@code null} (the first page) when there is no token. */
    static @Nullable PageCursor decode(@Nullable String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            final String decoded = new String(Base64.getUrlDecoder().decode(token), UTF_8);
            final int separator = decoded.indexOf(SEPARATOR);
            final String sessionId = decoded.substring(separator + 1);
            if (separator <= 0 || !SessionIds.isWellFormed(sessionId)) {
                throw new InvalidPageTokenException();
            }
            return new PageCursor(new IndexEntry(sessionId, Long.parseLong(decoded, 0, separator, 10)));
        } catch (IllegalArgumentException e) {
            // Base64 and number parsing failures alike: the token was not ours.
            throw new InvalidPageTokenException();
        }
    }

    String encode() {
        final String plain = Long.toString(last.updatedMicros()) + SEPARATOR + last.sessionId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(UTF_8));
    }

    /** Whether {@code entry} comes after this cursor, that is on a later page. */
    boolean precedes(IndexEntry entry) {
        return IndexEntry.NEWEST_FIRST.compare(last, entry) < 0;
    }
}
