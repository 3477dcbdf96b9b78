package dev.slipstream.execution.venue.bybit.rest;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * One instrument's trading rules ({@code GET /v5/market/instruments-info}: priceFilter.tickSize,
 * lotSizeFilter.qtyStep, minOrderQty, maxOrderQty, maxMktOrderQty, minNotionalValue) and the rounding every child
 * order goes through.
 */
public record InstrumentRules(
        String symbol, BigDecimal tickSize, BigDecimal qtyStep, BigDecimal minOrderQty, BigDecimal maxOrderQty,
        BigDecimal maxMarketOrderQty, BigDecimal minNotional) {

    public InstrumentRules {
        requireNonNull(symbol, "symbol");
        requirePositive("tickSize", tickSize);
        requirePositive("qtyStep", qtyStep);
        requirePositive("minOrderQty", minOrderQty);
        requirePositive("maxOrderQty", maxOrderQty);
        requirePositive("maxMarketOrderQty", maxMarketOrderQty);
        requireNonNull(minNotional, "minNotional");
    }

    /** What the execution engine needs: lot, minimum and tick. */
    public Instrument toInstrument() {
        return new Instrument(symbol, qtyStep, minOrderQty, tickSize);
    }

    /** Down to a multiple of the step: never more than asked. */
    public BigDecimal roundQuantity(BigDecimal quantity) {
        return quantity.divide(qtyStep, 0, RoundingMode.FLOOR).multiply(qtyStep).stripTrailingZeros();
    }

    /** To a tick, never more aggressive than asked: a buy rounds down, a sell up. */
    public BigDecimal roundPrice(BigDecimal price, Side side) {
        RoundingMode mode = side == Side.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING;
        return price.divide(tickSize, 0, mode).multiply(tickSize).stripTrailingZeros();
    }

    /**
     * Why a rounded {@code quantity} valued at {@code price} cannot be sent, or empty when it can: it rounds to
     * zero, is under the minimum or over the maximum quantity (a market order's own maximum for {@code market}),
     * or under the minimum notional.
     */
    public Optional<String> violation(BigDecimal quantity, BigDecimal price, boolean market) {
        if (quantity.signum() <= 0) {
            return Optional.of("quantity rounds to zero at qtyStep " + qtyStep.toPlainString());
        }
        if (quantity.compareTo(minOrderQty) < 0) {
            return Optional.of("quantity " + quantity.toPlainString() + " (expected: >= minOrderQty "
                    + minOrderQty.toPlainString() + ")");
        }
        BigDecimal max = market ? maxMarketOrderQty : maxOrderQty;
        if (quantity.compareTo(max) > 0) {
            return Optional.of("quantity " + quantity.toPlainString() + " (expected: <= "
                    + (market ? "maxMktOrderQty " : "maxOrderQty ") + max.toPlainString() + ")");
        }
        BigDecimal notional = quantity.multiply(price);
        if (notional.compareTo(minNotional) < 0) {
            return Optional.of("notional " + notional.toPlainString() + " (expected: >= minNotionalValue "
                    + minNotional.toPlainString() + ")");
        }
        return Optional.empty();
    }

    private static void requirePositive(String name, BigDecimal value) {
        requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }
}
