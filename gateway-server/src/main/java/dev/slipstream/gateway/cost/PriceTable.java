package dev.slipstream.gateway.cost;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.slipstream.gateway.config.PriceConfig;

/** The configured prices, looked up by model alias or by {@code provider/model}. */
public final class PriceTable {
    private final Map<String, Price> byModel;

    public PriceTable(List<PriceConfig> pricing) {
        final Map<String, Price> prices = new HashMap<>();
        pricing.forEach(config -> prices.put(config.model(), Price.of(config)));
        byModel = Map.copyOf(prices);
    }

    /**
     * The price of a call requested as {@code requested} (an alias, a route or {@code provider/model}) and
     * answered by {@code target} ({@code provider/model}): the entry for the requested name, else the one for
     * the target, else free.
     */
    public Price priceOf(String requested, String target) {
        final Price byName = byModel.get(requested);
        if (byName != null) {
            return byName;
        }
        return byModel.getOrDefault(target, Price.FREE);
    }
}
