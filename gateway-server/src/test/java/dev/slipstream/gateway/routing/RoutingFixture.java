package dev.slipstream.gateway.routing;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.slipstream.api.gateway.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.CompleteResponse;
import dev.slipstream.api.gateway.v1.GenerationOptions;
import dev.slipstream.api.gateway.v1.ListProviderHealthRequest;
import dev.slipstream.api.gateway.v1.ListProviderHealthResponse;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.api.gateway.v1.RouteAttempt;
import dev.slipstream.api.gateway.v1.RouteAttemptOutcome;
import dev.slipstream.api.gateway.v1.StreamCompleteRequest;
import dev.slipstream.api.gateway.v1.TargetHealth;
import dev.slipstream.gateway.config.BreakerConfig;
import dev.slipstream.gateway.config.CacheConfig;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.config.ProviderConfig;
import dev.slipstream.gateway.config.RetryConfig;
import dev.slipstream.gateway.config.RouteConfig;
import dev.slipstream.gateway.config.TargetConfig;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.testing.RunningGateway;

/**
 * Two OpenAI-format fakes, {@code primary} and {@code secondary}, behind a gateway with one route,
 * {@value #ROUTE}, over them; and what routing tests ask of responses.
 */
final class RoutingFixture implements AutoCloseable {
    static final String ROUTE = "resilient";
    static final String PRIMARY = "primary/model-a";
    static final String SECONDARY = "secondary/model-b";
    /** Shaped like no known key, so that only the gateway's scrubbing of the configured key can hide it. */
    static final String PROVIDER_KEY = "provider-secret-0123456789";

    final FakeOpenAi primary = new FakeOpenAi();
    final FakeOpenAi secondary = new FakeOpenAi();
    final RunningGateway gateway;

    private RoutingFixture(String strategy, TargetConfig primaryTarget, TargetConfig secondaryTarget,
                           CacheConfig cache, UnaryOperator<GatewayConfig> configure) {
        final GatewayConfig embedded = EmbeddedConfig.create(Map.of());
        final List<ProviderConfig> providers = Stream.concat(
                embedded.providers().stream(),
                Stream.of(provider("primary", primary), provider("secondary", secondary))).toList();
        gateway = RunningGateway.start(configure.apply(
                embedded.withProviders(providers)
                        .withRoutes(List.of(new RouteConfig(ROUTE, strategy,
                                                            List.of(primaryTarget, secondaryTarget))))
                        .withCache(cache)));
    }

    /** {@code primary} then {@code secondary}, in that order. */
    static RoutingFixture fallback(TargetConfig primaryTarget) {
        return new RoutingFixture("fallback", primaryTarget, target("secondary", "model-b"), CacheConfig.DEFAULT,
                                  UnaryOperator.identity());
    }

    /**
     * {@code primary} then {@code secondary}, with their default settings, and whatever {@code configure}
     * adds to the configuration (prices, keys, budgets).
     */
    static RoutingFixture fallback(CacheConfig cache, UnaryOperator<GatewayConfig> configure) {
        return new RoutingFixture("fallback", target("primary", "model-a"), target("secondary", "model-b"), cache,
                                  configure);
    }

    static RoutingFixture of(String strategy, TargetConfig primaryTarget, TargetConfig secondaryTarget,
                             CacheConfig cache) {
        return new RoutingFixture(strategy, primaryTarget, secondaryTarget, cache, UnaryOperator.identity());
    }

    static TargetConfig target(String provider, String model) {
        return new TargetConfig(provider, model, null, null, null, null, null);
    }

    static TargetConfig target(String provider, String model, long timeoutMs, RetryConfig retry,
                               BreakerConfig breaker) {
        return new TargetConfig(provider, model, null, timeoutMs, retry, breaker, null);
    }

    static RetryConfig retries(int maxAttempts) {
        return new RetryConfig(maxAttempts, 10L, 50L, null);
    }

    static CompleteRequest request(GenerationOptions options) {
        return CompleteRequest.newBuilder()
                              .setModel(ROUTE)
                              .addMessages(Message.newBuilder().setRole(Role.ROLE_USER).setContent("What is TWAP?"))
                              .setOptions(options)
                              .build();
    }

    static CompleteRequest request() {
        return request(GenerationOptions.getDefaultInstance());
    }

    static StreamCompleteRequest streamRequest() {
        return StreamCompleteRequest.newBuilder()
                                    .setModel(ROUTE)
                                    .addMessages(Message.newBuilder().setRole(Role.ROLE_USER).setContent("Hi"))
                                    .build();
    }

    /** Each attempt as {@code target outcome status}, e.g. {@code primary/model-a FAILED 503}. */
    static List<String> attempts(List<RouteAttempt> attempts) {
        return attempts.stream()
                       .map(a -> a.getTarget() + ' ' + outcome(a.getOutcome()) +
                                 (a.getUpstreamStatus() == 0 ? "" : " " + a.getUpstreamStatus()))
                       .toList();
    }

    static List<String> attempts(CompleteResponse response) {
        return attempts(response.getRouteAttemptsList());
    }

    /**
     * Sends one request through the route and forgets it: the first call pays for class loading and new
     * connections, which assertions on timing must not measure.
     */
    RoutingFixture warmedUp() {
        gateway.chat().complete(request());
        primary.reset();
        secondary.reset();
        return this;
    }

    /** {@code AdminService.ListProviderHealth}, with the (admin) API key. */
    ListProviderHealthResponse providerHealth() {
        return gateway.grpcClient().build(AdminServiceBlockingStub.class)
                      .listProviderHealth(ListProviderHealthRequest.getDefaultInstance());
    }

    /** The health AdminService reports for a target of the route. */
    TargetHealth health(String target) {
        return providerHealth().getTargetsList().stream()
                               .filter(health -> ROUTE.equals(health.getRoute()) && target.equals(health.getTarget()))
                               .findFirst().orElseThrow(() -> new AssertionError("no health for " + target));
    }

    /** The breaker state AdminService reports for a target of the route, e.g. {@code OPEN}. */
    String breakerState(String target) {
        return health(target).getCircuitState().name().substring("CIRCUIT_STATE_".length());
    }

    @Override
    public void close() {
        gateway.close();
        primary.stop();
        secondary.stop().join();
    }

    private static String outcome(RouteAttemptOutcome outcome) {
        return outcome.name().substring("ROUTE_ATTEMPT_OUTCOME_".length());
    }

    private static ProviderConfig provider(String name, FakeOpenAi fake) {
        return new ProviderConfig(name, "openai", fake.url("/v1"), PROVIDER_KEY, null, 10_000L, 1_000L, null);
    }
}
