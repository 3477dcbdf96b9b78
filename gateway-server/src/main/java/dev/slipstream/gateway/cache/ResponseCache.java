package dev.slipstream.gateway.cache;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.chat.ChatCompletion;
import dev.slipstream.gateway.chat.ChatRequest;
import dev.slipstream.gateway.config.CacheConfig;

/**
 * Replies to deterministic requests (temperature 0, or cache mode ENABLED; never with mode BYPASS), kept for
 * a while and served again to the identical request routed the same way.
 */
public final class ResponseCache {
    @Nullable
    private final Cache<String, ChatCompletion> replies;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder savedCostMicrosUsd = new LongAdder();

    public ResponseCache(CacheConfig config) {
        requireNonNull(config, "config");
        replies = config.enabled() ? Caffeine.newBuilder()
                                             .maximumSize(config.maxEntries())
                                             .expireAfterWrite(Duration.ofMillis(config.ttlMs()))
                                             .build()
                                   : null;
    }

    /** The key for {@code request}'s reply, or null when the cache is off or the request may not use it. */
    @Nullable
    public String keyFor(ChatRequest request, String routeName, Iterable<String> targetNames) {
        if (replies == null || !cacheable(request)) {
            return null;
        }
        return CacheKeys.of(request, routeName, targetNames);
    }

    /** The stored reply, counted as a hit with its cost saved; null (a miss) when there is none. */
    @Nullable
    public ChatCompletion get(String key) {
        final ChatCompletion cached = requireNonNull(replies, "replies").getIfPresent(key);
        if (cached == null) {
            misses.increment();
            return null;
        }
        hits.increment();
        savedCostMicrosUsd.add(cached.costMicrosUsd());
        return cached;
    }

    public void put(String key, ChatCompletion completion) {
        requireNonNull(replies, "replies").put(key, completion);
    }

    public CacheStats stats() {
        return new CacheStats(hits.sum(), misses.sum(), savedCostMicrosUsd.sum(),
                              replies == null ? 0 : replies.estimatedSize());
    }

    private static boolean cacheable(ChatRequest request) {
        return switch (request.cacheMode()) {
            case ENABLED -> true;
            case BYPASS -> false;
            case DETERMINISTIC -> {
                final Double temperature = request.options().temperature();
                yield temperature != null && temperature == 0;
            }
        };
    }
}
