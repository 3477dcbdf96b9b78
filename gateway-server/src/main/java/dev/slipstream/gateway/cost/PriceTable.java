package dev.slipstream.gateway.cost;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.slipstream.gateway.chat.ResolvedModel;
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
     * The price of {@code model}: the entry for the name it was requested by (an alias), else the one for
     * the {@code provider/model} it resolves to, else free.
     */
    public Price priceOf(ResolvedModel model) {
        final Price byName = byModel.get(model.name());
        if (byName != null) {
            return byName;
        }
        return byModel.getOrDefault(model.provider().name() + '/' + model.providerModel(), Price.FREE);
    }
}
