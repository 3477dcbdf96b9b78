package dev.slipstream.execution.order;

/** Which way an order trades. */
public enum Side {
    BUY(1),
    SELL(-1);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** +1 for a buy, −1 for a sell: a cost is sign × (execution price − benchmark). */
    public int sign() {
        return sign;
    }
}
