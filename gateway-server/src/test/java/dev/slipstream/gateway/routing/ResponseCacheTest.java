package dev.slipstream.gateway.routing;

import static dev.slipstream.gateway.routing.RoutingFixture.request;
import static dev.slipstream.gateway.routing.RoutingFixture.streamRequest;
import static dev.slipstream.gateway.routing.RoutingFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.slipstream.api.gateway.v1.CacheMode;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.CompleteResponse;
import dev.slipstream.api.gateway.v1.GenerationOptions;
import dev.slipstream.api.gateway.v1.StreamCompleteRequest;
import dev.slipstream.api.gateway.v1.StreamCompleteResponse;
import dev.slipstream.gateway.config.CacheConfig;
import dev.slipstream.gateway.provider.fake.FakeProvider;

/**
 * Acceptance 7: a repeated deterministic request is answered from the cache, free and without calling a
 * provider; a non-deterministic or opted-out one is not.
 */
class ResponseCacheTest {
    private static RoutingFixture routing;

    @BeforeAll
    static void start() {
        routing = RoutingFixture.of("fallback", target("primary", "model-a"), target("secondary", "model-b"),
                                    new CacheConfig(true, 100L, 60_000L));
    }

    @AfterAll
    static void stop() {
        routing.close();
    }

    @AfterEach
    void reset() {
        routing.primary.reset();
    }

    @Test
    void repeatedDeterministicRequestIsServedFromTheCacheAtNoCost() throws Exception {
        final CompleteRequest request = request(GenerationOptions.newBuilder().setTemperature(0).build());
        final long savedBefore = cacheStats().get("saved_cost_micros_usd").asLong();
        final long hitsBefore = cacheStats().get("hits").asLong();

        final CompleteResponse first = routing.gateway.chat().complete(request);
        final CompleteResponse second = routing.gateway.chat().complete(request);

        assertThat(first.getCacheHit()).isFalse();
        assertThat(second.getCacheHit()).isTrue();
        assertThat(second.getCostMicrosUsd()).isZero();
        assertThat(second.getRouteAttemptsList()).isEmpty();
        assertThat(second.getMessage()).isEqualTo(first.getMessage());
        assertThat(second.getUsage()).isEqualTo(first.getUsage());
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(routing.primary.received()).hasSize(1);
        assertThat(cacheStats().get("hits").asLong()).isEqualTo(hitsBefore + 1);
        assertThat(cacheStats().get("saved_cost_micros_usd").asLong())
                .isEqualTo(savedBefore + first.getCostMicrosUsd());
    }

    @Test
    void nonDeterministicRequestIsNotCached() {
        final CompleteRequest request = request(GenerationOptions.newBuilder().setTemperature(0.7).build());

        assertThat(routing.gateway.chat().complete(request).getCacheHit()).isFalse();
        assertThat(routing.gateway.chat().complete(request).getCacheHit()).isFalse();
        assertThat(routing.primary.received()).hasSize(2);
    }

    @Test
    void cacheModeEnabledCachesWhateverTheTemperatureAndBypassNever() {
        final CompleteRequest enabled = request(GenerationOptions.newBuilder().setTemperature(0.9)
                                                                 .setCache(CacheMode.CACHE_MODE_ENABLED).build());
        final CompleteRequest bypass = request(GenerationOptions.newBuilder().setTemperature(0)
                                                                .setMaxOutputTokens(7)
                                                                .setCache(CacheMode.CACHE_MODE_BYPASS).build());

        routing.gateway.chat().complete(enabled);
        assertThat(routing.gateway.chat().complete(enabled).getCacheHit()).isTrue();
        routing.gateway.chat().complete(bypass);
        assertThat(routing.gateway.chat().complete(bypass).getCacheHit()).isFalse();
        assertThat(routing.primary.received()).hasSize(3);
    }

    @Test
    void streamIsServedFromTheCacheToo() {
        final StreamCompleteRequest request =
                streamRequest().toBuilder()
                               .setOptions(GenerationOptions.newBuilder().setTemperature(0).setMaxOutputTokens(11))
                               .build();

        final List<StreamCompleteResponse> first = stream(request);
        final List<StreamCompleteResponse> second = stream(request);

        assertThat(first.get(first.size() - 1).getCacheHit()).isFalse();
        final StreamCompleteResponse last = second.get(second.size() - 1);
        assertThat(last.getCacheHit()).isTrue();
        assertThat(last.getCostMicrosUsd()).isZero();
        assertThat(second.subList(0, second.size() - 1)).extracting(StreamCompleteResponse::getContentDelta)
                                                        .containsExactly(FakeProvider.REPLY);
        assertThat(routing.primary.received()).hasSize(1);
    }

    private static List<StreamCompleteResponse> stream(StreamCompleteRequest request) {
        final List<StreamCompleteResponse> chunks = new ArrayList<>();
        routing.gateway.chat().streamComplete(request).forEachRemaining(chunks::add);
        return chunks;
    }

    private static JsonNode cacheStats() throws Exception {
        return routing.providerHealth().get("cache");
    }
}
