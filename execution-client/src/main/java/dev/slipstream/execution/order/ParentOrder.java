package dev.slipstream.execution.order;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * What the trader asked for: trade {@code quantity} of {@code symbol} between {@code start} and {@code deadline},
 * measured against {@code decisionPrice} (the implementation-shortfall benchmark), with {@code riskAversion} λ.
 */
public record ParentOrder(
        String id, String symbol, Side side, BigDecimal quantity, Instant start, Instant deadline,
        BigDecimal decisionPrice, double riskAversion) {

    public ParentOrder {
        requireNonNull(id, "id");
        requireNonNull(symbol, "symbol");
        requireNonNull(side, "side");
        requireNonNull(quantity, "quantity");
        requireNonNull(start, "start");
        requireNonNull(deadline, "deadline");
        requireNonNull(decisionPrice, "decisionPrice");
        if (!id.matches("[A-Za-z0-9_-]{1,28}")) {
            // Child ids append "-E" + sequence and must stay within Bybit's 36-character orderLinkId.
            throw new IllegalArgumentException("id: " + id + " (expected: 1-28 of [A-Za-z0-9_-])");
        }
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity: " + quantity + " (expected: > 0)");
        }
        if (!deadline.isAfter(start)) {
            throw new IllegalArgumentException("deadline: " + deadline + " (expected: after start " + start + ")");
        }
        if (decisionPrice.signum() <= 0) {
            throw new IllegalArgumentException("decisionPrice: " + decisionPrice + " (expected: > 0)");
        }
        if (!(riskAversion >= 0) || Double.isInfinite(riskAversion)) {
            throw new IllegalArgumentException("riskAversion: " + riskAversion + " (expected: finite and >= 0)");
        }
    }

    public Duration horizon() {
        return Duration.between(start, deadline);
    }
}
