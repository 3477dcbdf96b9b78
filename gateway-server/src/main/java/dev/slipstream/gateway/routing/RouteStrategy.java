package dev.slipstream.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Chooses the order in which one request tries a route's targets; the first is the preferred one. */
enum RouteStrategy {
    /** The configured order. */
    FALLBACK {
        @Override
        List<RouteTarget> order(List<RouteTarget> targets) {
            return targets;
        }
    },
    /** The first target drawn at random by weight; the others follow in the configured order. */
    WEIGHTED {
        @Override
        List<RouteTarget> order(List<RouteTarget> targets) {
            int total = 0;
            for (RouteTarget target : targets) {
                total += target.weight();
            }
            int draw = ThreadLocalRandom.current().nextInt(total);
            for (RouteTarget target : targets) {
                draw -= target.weight();
                if (draw < 0) {
                    return first(target, targets);
                }
            }
            throw new IllegalStateException("weights changed while drawing");
        }
    },
    /**
     * Power of two choices: of two random targets, the one with the lower latency score goes first; the
     * others follow from the lowest score up.
     */
    LEAST_LATENCY {
        @Override
        List<RouteTarget> order(List<RouteTarget> targets) {
            if (targets.size() == 1) {
                return targets;
            }
            final ThreadLocalRandom random = ThreadLocalRandom.current();
            final int a = random.nextInt(targets.size());
            final int b = (a + 1 + random.nextInt(targets.size() - 1)) % targets.size();
            final RouteTarget chosen = targets.get(a).latency().score() <= targets.get(b).latency().score()
                                       ? targets.get(a) : targets.get(b);
            final List<RouteTarget> rest = new ArrayList<>(targets);
            rest.remove(chosen);
            rest.sort(Comparator.comparingDouble(target -> target.latency().score()));
            rest.add(0, chosen);
            return rest;
        }
    };

    abstract List<RouteTarget> order(List<RouteTarget> targets);

    /** {@code strategy} as configured: {@code fallback}, {@code weighted} or {@code least-latency}. */
    static RouteStrategy of(String strategy) {
        return valueOf(strategy.toUpperCase().replace('-', '_'));
    }

    private static List<RouteTarget> first(RouteTarget chosen, List<RouteTarget> targets) {
        final List<RouteTarget> ordered = new ArrayList<>(targets.size());
        ordered.add(chosen);
        for (RouteTarget target : targets) {
            if (target != chosen) {
                ordered.add(target);
            }
        }
        return ordered;
    }
}
