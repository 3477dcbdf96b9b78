package dev.slipstream.gateway.routing;

import static dev.slipstream.gateway.routing.RoutingFixture.request;
import static dev.slipstream.gateway.routing.RoutingFixture.streamRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.slipstream.api.gateway.v1.CacheMode;
import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.CompleteResponse;
import dev.slipstream.api.gateway.v1.GenerationOptions;
import dev.slipstream.api.gateway.v1.ResponseCacheStats;
import dev.slipstream.api.gateway.v1.StreamCompleteRequest;
import dev.slipstream.api.gateway.v1.StreamCompleteResponse;
import dev.slipstream.gateway.config.ApiKeyConfig;
import dev.slipstream.gateway.config.AuthConfig;
import dev.slipstream.gateway.config.CacheConfig;
import dev.slipstream.gateway.config.PriceConfig;
import dev.slipstream.gateway.provider.fake.FakeProvider;
import dev.slipstream.gateway.testing.PrometheusText;

/**
 * Acceptance 7: a repeated deterministic request is answered from the cache, free and without calling a
 * provider, and what it saved is counted per model on /metrics; a non-deterministic one is not, nor one
 * that opts out, by its cache mode or by its key's {@code bypass_cache}.
 */
class ResponseCacheTest {
    private static final String SAVED_COST = "slipstream_cache_saved_cost_micros_usd_total{model=\"" +
                                             RoutingFixture.ROUTE + "\",}";
    private static final String HITS = "slipstream_cache_hits_total{model=\"" + RoutingFixture.ROUTE + "\",}";
    private static final String BYPASSING_KEY = "bypassing-key-0123456789";

    private static RoutingFixture routing;

    @BeforeAll
    static void start() {
        routing = RoutingFixture.fallback(
                new CacheConfig(true, 100L, 60_000L),
                config -> config.withPricing(List.of(new PriceConfig(RoutingFixture.ROUTE, 1_000_000L, null, null,
                                                                     2_000_000L, null)))
                                .withAuth(new AuthConfig(null, List.of(new ApiKeyConfig(
                                        "bypassing", BYPASSING_KEY, null, "desk", null, null, null, null, null,
                                        null, null, true)))));
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
        final long savedBefore = cacheStats().getSavedCostMicrosUsd();
        final long hitsBefore = cacheStats().getHits();
        final String metricsBefore = PrometheusText.scrape(routing.gateway);

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
        assertThat(first.getCostMicrosUsd()).isPositive();
        assertThat(cacheStats().getHits()).isEqualTo(hitsBefore + 1);
        assertThat(cacheStats().getSavedCostMicrosUsd()).isEqualTo(savedBefore + first.getCostMicrosUsd());
        final String metrics = PrometheusText.scrape(routing.gateway);
        assertThat(PrometheusText.value(metrics, SAVED_COST) - PrometheusText.valueOrZero(metricsBefore, SAVED_COST))
                .isEqualTo(first.getCostMicrosUsd());
        assertThat(PrometheusText.value(metrics, HITS) - PrometheusText.valueOrZero(metricsBefore, HITS))
                .isEqualTo(1);
    }

    @Test
    void aKeyThatBypassesTheCacheIsNeverServedFromItNorFillsIt() {
        final CompleteRequest request = request(GenerationOptions.newBuilder().setTemperature(0)
                                                                 .setMaxOutputTokens(13).build());
        final ChatServiceBlockingStub bypassing =
                routing.gateway.grpcClient(BYPASSING_KEY).build(ChatServiceBlockingStub.class);

        assertThat(bypassing.complete(request).getCacheHit()).isFalse();
        assertThat(bypassing.complete(request).getCacheHit()).isFalse();
        assertThat(routing.primary.received()).as("both calls reached the provider").hasSize(2);
        // Nothing was stored for the next caller either; once it has stored the reply, the bypassing key
        // still does not get it.
        assertThat(routing.gateway.chat().complete(request).getCacheHit()).isFalse();
        assertThat(routing.gateway.chat().complete(request).getCacheHit()).isTrue();
        assertThat(bypassing.complete(request).getCacheHit()).isFalse();
        assertThat(routing.primary.received()).hasSize(4);
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

    private static ResponseCacheStats cacheStats() {
        return routing.providerHealth().getCache();
    }
}
