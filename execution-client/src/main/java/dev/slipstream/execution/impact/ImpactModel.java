package dev.slipstream.execution.impact;

/** Estimates the impact of trading {@code quantity} (base units) within one bar. */
@FunctionalInterface
public interface ImpactModel {

    Impact estimate(double quantity, MarketConditions conditions);
}
