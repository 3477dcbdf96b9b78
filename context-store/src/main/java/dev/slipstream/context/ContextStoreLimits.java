package dev.slipstream.context;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The limits a {@link ContextStore} enforces. Both stores refuse exactly the same requests with
 * {@link ContextLimitExceededException}. Built with {@link #builder()}, which checks every value as it
 * is set.
 */
public final class ContextStoreLimits {
    public static final int DEFAULT_MAX_MESSAGES = 1_000;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;
    public static final long DEFAULT_MAX_SESSION_BYTES = 8L * 1024 * 1024;
    public static final int DEFAULT_MAX_METADATA_ENTRIES = 16;
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    public static final Duration DEFAULT_MAX_TTL = Duration.ofDays(7);
    public static final int DEFAULT_MAX_PAGE_SIZE = 100;

    /** Every limit at its default. */
    public static final ContextStoreLimits DEFAULT = builder().build();

    /** Redis expires keys with millisecond precision. */
    private static final Duration MIN_TTL = Duration.ofMillis(1);

    private final int maxMessages;
    private final int maxMessageBytes;
    private final long maxSessionBytes;
    private final int maxMetadataEntries;
    private final Duration defaultTtl;
    private final Duration maxTtl;
    private final int maxPageSize;

    private ContextStoreLimits(Builder builder) {
        maxMessages = builder.maxMessages;
        maxMessageBytes = builder.maxMessageBytes;
        maxSessionBytes = builder.maxSessionBytes;
        maxMetadataEntries = builder.maxMetadataEntries;
        defaultTtl = builder.defaultTtl;
        maxTtl = builder.maxTtl;
        maxPageSize = builder.maxPageSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Messages one session may hold. */
    public int maxMessages() {
        return maxMessages;
    }

    /** UTF-8 bytes of one message's content. */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** UTF-8 bytes of one session: metadata keys and values, message contents and the summary text. */
    public long maxSessionBytes() {
        return maxSessionBytes;
    }

    public int maxMetadataEntries() {
        return maxMetadataEntries;
    }

    /** The time to live of a session created without one. */
    public Duration defaultTtl() {
        return defaultTtl;
    }

    public Duration maxTtl() {
        return maxTtl;
    }

    /** The largest page a listing returns; larger requests get pages of this size. */
    public int maxPageSize() {
        return maxPageSize;
    }

    @Override
    public String toString() {
        return "ContextStoreLimits{maxMessages=" + maxMessages + ", maxMessageBytes=" + maxMessageBytes +
               ", maxSessionBytes=" + maxSessionBytes + ", maxMetadataEntries=" + maxMetadataEntries +
               ", defaultTtl=" + defaultTtl + ", maxTtl=" + maxTtl + ", maxPageSize=" + maxPageSize + '}';
    }

    /** Collects limits; each setter rejects a bad value at once, {@link #build()} checks them together. */
    public static final class Builder {
        private int maxMessages = DEFAULT_MAX_MESSAGES;
        private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private long maxSessionBytes = DEFAULT_MAX_SESSION_BYTES;
        private int maxMetadataEntries = DEFAULT_MAX_METADATA_ENTRIES;
        private Duration defaultTtl = DEFAULT_TTL;
        private Duration maxTtl = DEFAULT_MAX_TTL;
        private int maxPageSize = DEFAULT_MAX_PAGE_SIZE;

        private Builder() {}

        public Builder maxMessages(int maxMessages) {
            this.maxMessages = positive("maxMessages", maxMessages);
            return this;
        }

        public Builder maxMessageBytes(int maxMessageBytes) {
            this.maxMessageBytes = positive("maxMessageBytes", maxMessageBytes);
            return this;
        }

        public Builder maxSessionBytes(long maxSessionBytes) {
            if (maxSessionBytes <= 0) {
                throw new IllegalArgumentException("maxSessionBytes: " + maxSessionBytes + " (expected: > 0)");
            }
            this.maxSessionBytes = maxSessionBytes;
            return this;
        }

        public Builder maxMetadataEntries(int maxMetadataEntries) {
            if (maxMetadataEntries < 0) {
                throw new IllegalArgumentException(
                        "maxMetadataEntries: " + maxMetadataEntries + " (expected: >= 0)");
            }
            this.maxMetadataEntries = maxMetadataEntries;
            return this;
        }

        public Builder defaultTtl(Duration defaultTtl) {
            this.defaultTtl = atLeastMinTtl("defaultTtl", defaultTtl);
            return this;
        }

        public Builder maxTtl(Duration maxTtl) {
            this.maxTtl = atLeastMinTtl("maxTtl", maxTtl);
            return this;
        }

        public Builder maxPageSize(int maxPageSize) {
            this.maxPageSize = positive("maxPageSize", maxPageSize);
            return this;
        }

        /**
         * Checks the limits against each other.
         *
         * @throws IllegalArgumentException when {@code defaultTtl > maxTtl}
         */
        public ContextStoreLimits build() {
            if (defaultTtl.compareTo(maxTtl) > 0) {
                throw new IllegalArgumentException(
                        "defaultTtl: " + defaultTtl + " (expected: <= maxTtl " + maxTtl + ')');
            }
            return new ContextStoreLimits(this);
        }

        private static int positive(String name, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
            }
            return value;
        }

        private static Duration atLeastMinTtl(String name, Duration ttl) {
            requireNonNull(ttl, name);
            if (ttl.compareTo(MIN_TTL) < 0) {
                throw new IllegalArgumentException(name + ": " + ttl + " (expected: >= " + MIN_TTL + ')');
            }
            return ttl;
        }
    }
}
