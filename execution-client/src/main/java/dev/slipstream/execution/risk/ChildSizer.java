package dev.slipstream.execution.risk;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.venue.MarketSnapshot;
import java.math.BigDecimal;

/**
 * Trims a proposed child to what the participation and notional limits allow now, rounded down to the lot, so a
 * schedule that has fallen behind trades at the cap instead of being refused whole and piling up (QuantConnect
 * Lean's VWAP caps each order at a share of the bar's volume the same way). The validator still checks the result.
 */
public final class ChildSizer {

    private final SafetyLimits limits;

    public ChildSizer(SafetyLimits limits) {
        this.limits = requireNonNull(limits, "limits");
    }

    public BigDecimal size(BigDecimal proposed, Side side, MarketSnapshot market, Instrument instrument) {
        double price = SafetyValidator.crossingPrice(side, market);
        double cap = Math.min(limits.maxParticipation() * market.lastBarVolume(),
                limits.maxOrderNotional().doubleValue() / price);
        BigDecimal allowed = instrument.roundDownToLot(cap);
        return proposed.min(allowed).max(BigDecimal.ZERO);
    }
}
