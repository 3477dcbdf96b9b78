package dev.slipstream.execution.impact;

/**
 * Kyle (1985), "Continuous Auctions and Insider Trading": the price moves by λ per unit of net order flow and
 * stays there, so the trade pays the moved price and the move is permanent.
 */
public record KyleImpact(double lambda) implements ImpactModel {

    @Override
    public Impact estimate(double quantity, MarketConditions conditions) {
        double move = lambda * Math.abs(quantity);
        return new Impact(move, move);
    }
}
