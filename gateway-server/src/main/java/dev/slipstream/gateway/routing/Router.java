package dev.slipstream.gateway.routing;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.GenerationOptions;
import dev.slipstream.gateway.chat.ModelCatalog;
import dev.slipstream.gateway.chat.ResolvedModel;
import dev.slipstream.gateway.config.RouteConfig;
import dev.slipstream.gateway.config.TargetConfig;
import dev.slipstream.gateway.provider.ChatProvider;

/**
 * Resolves a requested model to a {@link Route} and runs requests through it. A configured route keeps its
 * targets' breakers and latencies across requests; a plain model alias is a route of one pass-through target;
 * {@code provider/model} bypasses every route.
 */
public final class Router {
    private final ModelCatalog catalog;
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final List<ListedModel> listed = new ArrayList<>();

    /** @param configs validated routes, whose providers are all in {@code catalog} */
    public Router(ModelCatalog catalog, Map<String, ChatProvider> providers, List<RouteConfig> configs) {
        this.catalog = requireNonNull(catalog, "catalog");
        for (RouteConfig config : configs) {
            final List<RouteTarget> targets = new ArrayList<>();
            for (TargetConfig target : config.targets()) {
                targets.add(RouteTarget.of(config.alias(), target, provider(providers, target.provider())));
            }
            routes.put(config.alias(), new Route(config.alias(), RouteStrategy.of(config.strategy()), targets));
        }
        for (ResolvedModel model : catalog.aliases()) {
            final Route route = passThrough(model);
            routes.put(model.name(), route);
            listed.add(new ListedModel(model.name(), model.provider().name(), model.providerModel(),
                                       model.contextWindowTokens(), route.targetNames(), ""));
        }
        for (RouteConfig config : configs) {
            final TargetConfig first = config.targets().getFirst();
            listed.add(new ListedModel(config.alias(), first.provider(), first.model(), 0,
                                       routes.get(config.alias()).targetNames(), config.strategy()));
        }
    }

    /** The model aliases, then the routes, in configuration order: what callers may name. */
    public List<ListedModel> models() {
        return List.copyOf(listed);
    }

    /** Throws MODEL_NOT_FOUND when {@code model} is neither an alias nor a known {@code provider/model}. */
    public Route resolve(String model) {
        final Route route = routes.get(model);
        return route != null ? route : passThrough(catalog.resolve(model));
    }

    /** A unary run through {@code route}, to be {@linkplain RouteRun#start() started}. */
    public RouteRun complete(Route route, List<ChatMessage> messages, GenerationOptions options,
                             Deadline deadline) {
        return new RouteRun(route, messages, options, deadline, UnaryCall.INSTANCE);
    }

    /**
     * A streamed run through {@code route}, to be {@linkplain RouteRun#start() started}.
     *
     * @param chunks receives the non-empty chunks as they arrive; the run's result reports the outcome
     */
    public RouteRun stream(Route route, List<ChatMessage> messages, GenerationOptions options, Deadline deadline,
                           Consumer<String> chunks) {
        return new RouteRun(route, messages, options, deadline, new StreamCall(chunks));
    }

    /** The state of every configured route's targets, now. */
    public List<TargetHealth> health() {
        final List<TargetHealth> health = new ArrayList<>();
        routes.values().forEach(route -> route.targets()
                                              .forEach(target -> health.add(TargetHealth.of(route.name(), target))));
        return health;
    }

    private static Route passThrough(ResolvedModel model) {
        return new Route(model.name(), RouteStrategy.FALLBACK,
                         List.of(RouteTarget.passThrough(model.provider().name() + '/' + model.providerModel(),
                                                         model.provider(), model.providerModel())));
    }

    private static ChatProvider provider(Map<String, ChatProvider> providers, String name) {
        final ChatProvider provider = providers.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("unknown provider " + name);
        }
        return provider;
    }
}
