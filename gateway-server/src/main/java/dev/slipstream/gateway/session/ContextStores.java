package dev.slipstream.gateway.session;

import java.time.Duration;

import dev.slipstream.context.ContextStore;
import dev.slipstream.context.ContextStoreLimits;
import dev.slipstream.context.InMemoryContextStore;
import dev.slipstream.context.RedisContextStore;
import dev.slipstream.gateway.config.ContextStoreConfig;

/** Builds the configured {@link ContextStore}. */
public final class ContextStores {
    private ContextStores() {}

    /**
     * The in-memory store, or a Redis store connected now.
     *
     * @throws dev.slipstream.context.ContextStoreUnavailableException when Redis cannot be reached
     */
    public static ContextStore create(ContextStoreConfig config) {
        final ContextStoreLimits limits =
                ContextStoreLimits.builder()
                                  .maxMessages(config.maxMessages())
                                  .maxMessageBytes(config.maxMessageBytes())
                                  .maxSessionBytes(config.maxSessionBytes())
                                  .maxMetadataEntries(config.maxMetadataEntries())
                                  .maxTtl(Duration.ofMillis(config.maxTtlMs()))
                                  .defaultTtl(Duration.ofMillis(config.defaultTtlMs()))
                                  .maxPageSize(config.maxPageSize())
                                  .build();
        if (config.isRedis()) {
            return RedisContextStore.builder(config.uri())
                                    .limits(limits)
                                    .commandTimeout(Duration.ofMillis(config.commandTimeoutMs()))
                                    .build();
        }
        return InMemoryContextStore.builder().limits(limits).build();
    }
}
