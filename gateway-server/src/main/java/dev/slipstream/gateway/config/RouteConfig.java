package dev.slipstream.gateway.config;

import java.util.List;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * A model alias served by several targets.
 *
 * @param alias the name in requests, like a model alias (the two share one namespace)
 * @param strategy one of {@link #STRATEGIES}: {@code fallback} tries the targets in order, {@code weighted}
 *                 picks the first by weight, {@code least-latency} picks the faster of two random targets
 * @param targets at least one; the order is the fallback order
 */
public record RouteConfig(String alias, String strategy, List<TargetConfig> targets) {
    public static final List<String> STRATEGIES = List.of("fallback", "weighted", "least-latency");
    public static final String DEFAULT_STRATEGY = "fallback";

    public RouteConfig(String alias, @Nullable String strategy, @Nullable List<TargetConfig> targets) {
        this.alias = alias;
        this.strategy = strategy == null ? DEFAULT_STRATEGY : strategy;
        this.targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
