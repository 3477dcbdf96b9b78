package dev.slipstream.execution.venue.bybit.stream;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Timeouts and limits of one Bybit WebSocket stream. Bybit asks for a {@code {"op":"ping"}} every 20 s; the other
 * defaults are ours.
 *
 * @param connectTimeout TCP connect plus the WebSocket opening handshake
 * @param pingInterval how often {@code {"op":"ping"}} is sent
 * @param pongTimeout how long after a ping the pong may take before the connection counts as dead
 * @param initialBackoff the first reconnect delay; it doubles on every failed attempt
 * @param maxBackoff the cap of the reconnect delay
 * @param maxMessageChars the largest whole message accepted (fragments included); a larger one drops the connection
 * @param handshakeTimeout how long auth and subscribe acknowledgements may take
 * @param authExpiry how far in the future the private stream's signed {@code expires} lies
 * @param bookDepth the {@code orderbook.{depth}} level count the public stream subscribes to
 */
public record StreamSettings(
        Duration connectTimeout, Duration pingInterval, Duration pongTimeout, Duration initialBackoff,
        Duration maxBackoff, int maxMessageChars, Duration handshakeTimeout, Duration authExpiry, int bookDepth) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(20);
    public static final Duration DEFAULT_PONG_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    /** A 1,000-level book snapshot is ~40 kB; 4 MB leaves room for 1,024 trades in one message. */
    public static final int DEFAULT_MAX_MESSAGE_CHARS = 4 << 20;
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_AUTH_EXPIRY = Duration.ofSeconds(10);
    public static final int DEFAULT_BOOK_DEPTH = 50;

    public static final StreamSettings DEFAULT = new StreamSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_PING_INTERVAL,
            DEFAULT_PONG_TIMEOUT, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_MAX_MESSAGE_CHARS,
            DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_AUTH_EXPIRY, DEFAULT_BOOK_DEPTH);

    public StreamSettings {
        positive(connectTimeout, "connectTimeout");
        positive(pingInterval, "pingInterval");
        positive(pongTimeout, "pongTimeout");
        positive(initialBackoff, "initialBackoff");
        positive(maxBackoff, "maxBackoff");
        positive(handshakeTimeout, "handshakeTimeout");
        positive(authExpiry, "authExpiry");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff: " + maxBackoff + " (expected: >= initialBackoff " + initialBackoff + ")");
        }
        if (pongTimeout.compareTo(pingInterval) > 0) {
            throw new IllegalArgumentException(
                    "pongTimeout: " + pongTimeout + " (expected: <= pingInterval " + pingInterval + ")");
        }
        if (maxMessageChars < 1024) {
            throw new IllegalArgumentException("maxMessageChars: " + maxMessageChars + " (expected: >= 1024)");
        }
        if (bookDepth != 1 && bookDepth != 50 && bookDepth != 200 && bookDepth != 500 && bookDepth != 1000) {
            throw new IllegalArgumentException("bookDepth: " + bookDepth + " (expected: 1, 50, 200, 500 or 1000)");
        }
    }

    private static void positive(Duration value, String name) {
        requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }

    public StreamSettings withPing(Duration interval, Duration timeout) {
        return new StreamSettings(connectTimeout, interval, timeout, initialBackoff, maxBackoff, maxMessageChars,
                handshakeTimeout, authExpiry, bookDepth);
    }

    public StreamSettings withBackoff(Duration initial, Duration max) {
        return new StreamSettings(connectTimeout, pingInterval, pongTimeout, initial, max, maxMessageChars,
                handshakeTimeout, authExpiry, bookDepth);
    }

    public StreamSettings withMaxMessageChars(int chars) {
        return new StreamSettings(connectTimeout, pingInterval, pongTimeout, initialBackoff, maxBackoff, chars,
                handshakeTimeout, authExpiry, bookDepth);
    }

    public StreamSettings withAuthExpiry(Duration expiry) {
        return new StreamSettings(connectTimeout, pingInterval, pongTimeout, initialBackoff, maxBackoff,
                maxMessageChars, handshakeTimeout, expiry, bookDepth);
    }

    public StreamSettings withBookDepth(int depth) {
        return new StreamSettings(connectTimeout, pingInterval, pongTimeout, initialBackoff, maxBackoff,
                maxMessageChars, handshakeTimeout, authExpiry, depth);
    }
}
