package dev.slipstream.execution.venue;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.order.Side;
import java.math.BigDecimal;

/**
 * Where a resting limit order stands in its level's queue, under the conservative model of EXECUTION.md: cancels are
 * assumed to come from behind us, so only trades at our price move us forward; a trade through our price (the
 * level is gone) fills whatever we have left.
 */
public final class PassiveOrderQueue {

    private final Side side;
    private final BigDecimal price;
    private final BigDecimal quantity;
    private BigDecimal ahead;
    private BigDecimal filled = BigDecimal.ZERO;

    /** {@code ahead} is the size resting at {@code price} when the order joined the level. */
    public PassiveOrderQueue(Side side, BigDecimal price, BigDecimal quantity, BigDecimal ahead) {
        this.side = requireNonNull(side, "side");
        this.price = requireNonNull(price, "price");
        this.quantity = requireNonNull(quantity, "quantity");
        this.ahead = requireNonNull(ahead, "ahead");
    }

    /** Takes in a public trade; returns how much of our order it filled. */
    public BigDecimal onTrade(BigDecimal tradePrice, BigDecimal tradeQuantity, Side takerSide) {
        if (takerSide == side || isFilled()) {
            return BigDecimal.ZERO;
        }
        int beyondUs = side == Side.BUY ? price.compareTo(tradePrice) : tradePrice.compareTo(price);
        BigDecimal fill;
        if (beyondUs > 0) {
            fill = remaining();
        } else if (beyondUs == 0) {
            BigDecimal pastQueue = tradeQuantity.subtract(ahead);
            ahead = ahead.subtract(tradeQuantity).max(BigDecimal.ZERO);
            fill = pastQueue.max(BigDecimal.ZERO).min(remaining());
        } else {
            fill = BigDecimal.ZERO;
        }
        filled = filled.add(fill);
        return fill;
    }

    public BigDecimal remaining() {
        return quantity.subtract(filled);
    }

    public boolean isFilled() {
        return remaining().signum() == 0;
    }

    public BigDecimal ahead() {
        return ahead;
    }
}
