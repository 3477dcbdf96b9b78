package dev.slipstream.gateway.advisor;


import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ProtocolMessageEnum;

import dev.slipstream.api.execution.v1.MarketState;
import dev.slipstream.api.execution.v1.Trade;

/** The template variables both advisor templates share, built from the request protos. */
final class AdvisorVariables {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AdvisorVariables() {}

    static ObjectNode object() {
        return JSON.objectNode();
    }

    /** The market object; {@code withTrades} for templates that declare {@code recent_trades}. */
    static ObjectNode market(MarketState market, boolean withTrades) {
        final ObjectNode node = JSON.objectNode()
                                    .put("mid_price", market.getMidPrice())
                                    .put("spread_bps", market.getSpreadBps())
                                    .put("best_bid_size", market.getBestBidSize())
                                    .put("best_ask_size", market.getBestAskSize())
                                    .put("bid_depth_10bps", market.getBidDepth10Bps())
                                    .put("ask_depth_10bps", market.getAskDepth10Bps())
                                    .put("volume_last_hour", market.getVolumeLastHour())
                                    .put("adv", market.getAverageDailyVolume())
                                    .put("daily_volatility", market.getDailyVolatility());
        if (market.hasFundingRate()) {
            node.put("funding_rate", market.getFundingRate());
        }
        if (market.hasOpenInterestChange1H()) {
            node.put("open_interest_change_1h", market.getOpenInterestChange1H());
        }
        if (withTrades) {
            final ArrayNode trades = node.putArray("recent_trades");
            for (Trade trade : market.getRecentTradesList()) {
                trades.add(JSON.objectNode()
                               .put("price", trade.getPrice())
                               .put("size", trade.getSize())
                               .put("taker_side", enumValue(trade.getTakerSide(), "SIDE_"))
                               .put("age_seconds", trade.getAgeSeconds()));
            }
        }
        return node;
    }

    static ArrayNode strings(Iterable<String> values) {
        final ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /**
     * A proto enum as the template names it: {@code SIDE_BUY} is {@code BUY}. An unset value stays
     * {@code UNSPECIFIED}, which no template accepts, so the caller hears which field is missing.
     */
    static String enumValue(ProtocolMessageEnum value, String prefix) {
        final String name = value.getValueDescriptor().getName();
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }
}
