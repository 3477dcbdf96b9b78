package dev.slipstream.gateway.routing;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A name callers may put in a request's {@code model}, as the model lists show it.
 *
 * @param provider and {@code providerModel}: the first target's
 * @param contextWindowTokens 0 when unknown (always for a route)
 * @param targets {@code provider/model} of each target, in configuration order
 * @param strategy a route's strategy ({@code fallback}, {@code weighted}, {@code least-latency}); empty for a
 *                 plain model alias
 */
public record ListedModel(String name, String provider, String providerModel, int contextWindowTokens,
                          List<String> targets, String strategy) {
    public ListedModel {
        requireNonNull(name, "name");
        requireNonNull(provider, "provider");
        requireNonNull(providerModel, "providerModel");
        targets = List.copyOf(targets);
        requireNonNull(strategy, "strategy");
    }
}
