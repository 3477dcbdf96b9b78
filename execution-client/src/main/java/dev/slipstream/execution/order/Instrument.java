package dev.slipstream.execution.order;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the venue accepts: quantities in multiples of {@code lotSize}, at least {@code minQuantity}; prices in
 * multiples of {@code tickSize} (Bybit v5 instruments-info: lotSizeFilter.qtyStep, minOrderQty, priceFilter.tickSize).
 */
public record Instrument(String symbol, BigDecimal lotSize, BigDecimal minQuantity, BigDecimal tickSize) {

    public Instrument {
        requireNonNull(symbol, "symbol");
        requirePositive("lotSize", lotSize);
        requirePositive("minQuantity", minQuantity);
        requirePositive("tickSize", tickSize);
    }

    /** The largest lot multiple not above {@code quantity}; exact. */
    public BigDecimal roundDownToLot(BigDecimal quantity) {
        BigDecimal lots = quantity.divide(lotSize, 0, RoundingMode.FLOOR);
        return lots.multiply(lotSize).stripTrailingZeros();
    }

    public BigDecimal roundDownToLot(double quantity) {
        return Double.isFinite(quantity) ? roundDownToLot(BigDecimal.valueOf(quantity)) : BigDecimal.ZERO;
    }

    public boolean isLotMultiple(BigDecimal quantity) {
        return quantity.remainder(lotSize).signum() == 0;
    }

    /** The nearest tick to {@code price}. */
    public BigDecimal roundToTick(double price) {
        return BigDecimal.valueOf(price).divide(tickSize, 0, RoundingMode.HALF_EVEN).multiply(tickSize);
    }

    private static void requirePositive(String name, BigDecimal value) {
        requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }
}
