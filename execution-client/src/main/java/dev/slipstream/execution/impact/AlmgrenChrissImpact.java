package dev.slipstream.execution.impact;

/**
 * Almgren &amp; Chriss (2000), section 2.2: temporary h(v) = ε + η v and permanent g(v) = γ v per unit of time,
 * with v the trading rate; here the time unit is one bar, so v is the quantity traded in the bar.
 */
public record AlmgrenChrissImpact(double epsilon, double eta, double gamma) implements ImpactModel {

    @Override
    public Impact estimate(double quantity, MarketConditions conditions) {
        double rate = Math.abs(quantity);
        return new Impact(rate == 0 ? 0 : epsilon + eta * rate, gamma * rate);
    }
}
