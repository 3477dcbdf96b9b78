package dev.slipstream.execution.impact;

/** What impact depends on besides our quantity: the price, daily volatility (fraction) and daily volume (base units). */
public record MarketConditions(double price, double dailyVolatility, double dailyVolume) {}
