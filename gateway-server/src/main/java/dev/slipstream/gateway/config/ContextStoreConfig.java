package dev.slipstream.gateway.config;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.context.ContextStoreLimits;
import dev.slipstream.context.RedisContextStore;

/**
 * Where conversation sessions are kept, and their limits (the store's {@link ContextStoreLimits}).
 *
 * @param uri {@code memory} (this process only, the default) or {@code redis://host:port} (shared by
 *            every replica)
 * @param commandTimeoutMs Redis only: the longest one Redis call may take before the request fails as
 *                         CONTEXT_STORE_UNAVAILABLE
 */
public record ContextStoreConfig(String uri, Long commandTimeoutMs, Long defaultTtlMs, Long maxTtlMs,
                                 Integer maxMessages, Integer maxMessageBytes, Long maxSessionBytes,
                                 Integer maxMetadataEntries, Integer maxPageSize) {
    public static final String MEMORY = "memory";
    public static final ContextStoreConfig DEFAULT =
            new ContextStoreConfig(null, null, null, null, null, null, null, null, null);

    public ContextStoreConfig(@Nullable String uri, @Nullable Long commandTimeoutMs, @Nullable Long defaultTtlMs,
                              @Nullable Long maxTtlMs, @Nullable Integer maxMessages,
                              @Nullable Integer maxMessageBytes, @Nullable Long maxSessionBytes,
                              @Nullable Integer maxMetadataEntries, @Nullable Integer maxPageSize) {
        this.uri = uri == null ? MEMORY : uri;
        this.commandTimeoutMs = commandTimeoutMs == null ? RedisContextStore.DEFAULT_COMMAND_TIMEOUT.toMillis()
                                                         : commandTimeoutMs;
        this.defaultTtlMs = defaultTtlMs == null ? ContextStoreLimits.DEFAULT_TTL.toMillis() : defaultTtlMs;
        this.maxTtlMs = maxTtlMs == null ? ContextStoreLimits.DEFAULT_MAX_TTL.toMillis() : maxTtlMs;
        this.maxMessages = maxMessages == null ? ContextStoreLimits.DEFAULT_MAX_MESSAGES : maxMessages;
        this.maxMessageBytes = maxMessageBytes == null ? ContextStoreLimits.DEFAULT_MAX_MESSAGE_BYTES
                                                       : maxMessageBytes;
        this.maxSessionBytes = maxSessionBytes == null ? ContextStoreLimits.DEFAULT_MAX_SESSION_BYTES
                                                       : maxSessionBytes;
        this.maxMetadataEntries = maxMetadataEntries == null ? ContextStoreLimits.DEFAULT_MAX_METADATA_ENTRIES
                                                             : maxMetadataEntries;
        this.maxPageSize = maxPageSize == null ? ContextStoreLimits.DEFAULT_MAX_PAGE_SIZE : maxPageSize;
    }

    public boolean isRedis() {
        return uri.startsWith("redis://");
    }
}
