package dev.slipstream.gateway.routing;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What a requested model name leads to: targets, tried in the order the strategy picks for each request. */
public final class Route {
    private final String name;
    private final RouteStrategy strategy;
    private final List<RouteTarget> targets;

    Route(String name, RouteStrategy strategy, List<RouteTarget> targets) {
        this.name = requireNonNull(name, "name");
        this.strategy = requireNonNull(strategy, "strategy");
        this.targets = List.copyOf(targets);
        if (this.targets.isEmpty()) {
            throw new IllegalArgumentException("route " + name + " has no targets");
        }
    }

    /** The alias or {@code provider/model} the caller named. */
    public String name() {
        return name;
    }

    /** The targets' names in configuration order, e.g. {@code [openai/gpt-4o, anthropic/claude]}. */
    public List<String> targetNames() {
        return targets.stream().map(RouteTarget::name).toList();
    }

    /** The provider of the first target in configuration order, e.g. to label a call no target answered. */
    public String firstProvider() {
        return targets.getFirst().provider().name();
    }

    List<RouteTarget> targets() {
        return targets;
    }

    /** This request's order of targets. */
    List<RouteTarget> order() {
        return strategy.order(targets);
    }
}
