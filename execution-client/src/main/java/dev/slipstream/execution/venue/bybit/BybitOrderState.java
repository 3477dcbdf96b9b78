package dev.slipstream.execution.venue.bybit;

import dev.slipstream.execution.venue.OrderStatus;

/** Bybit's {@code orderStatus} values (v5 "Enums": order status) and what each means for a child order. */
public enum BybitOrderState {
    CREATED("Created"),
    NEW("New"),
    REJECTED("Rejected"),
    PARTIALLY_FILLED("PartiallyFilled"),
    PARTIALLY_FILLED_CANCELED("PartiallyFilledCanceled"),
    FILLED("Filled"),
    CANCELLED("Cancelled"),
    UNTRIGGERED("Untriggered"),
    TRIGGERED("Triggered"),
    DEACTIVATED("Deactivated");

    private final String wire;

    BybitOrderState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static BybitOrderState fromWire(String value) {
        for (BybitOrderState state : values()) {
            if (state.wire.equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown Bybit orderStatus: " + value);
    }

    public boolean isDone() {
        return switch (this) {
            case REJECTED, PARTIALLY_FILLED_CANCELED, FILLED, CANCELLED, DEACTIVATED -> true;
            default -> false;
        };
    }

    public OrderStatus.State toVenueState() {
        return switch (this) {
            case CREATED, NEW, UNTRIGGERED, TRIGGERED -> OrderStatus.State.NEW;
            case PARTIALLY_FILLED -> OrderStatus.State.PARTIALLY_FILLED;
            case FILLED -> OrderStatus.State.FILLED;
            case PARTIALLY_FILLED_CANCELED, CANCELLED, DEACTIVATED -> OrderStatus.State.CANCELLED;
            case REJECTED -> OrderStatus.State.REJECTED;
        };
    }
}
