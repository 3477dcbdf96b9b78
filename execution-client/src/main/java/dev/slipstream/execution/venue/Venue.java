package dev.slipstream.execution.venue;

import dev.slipstream.execution.order.ChildOrder;
import java.util.Optional;

/**
 * Where child orders go. Placing is idempotent on the child id (Bybit's orderLinkId): placing the same id again
 * returns the order's current status and trades nothing more.
 */
public interface Venue {

    OrderStatus place(ChildOrder order);

    /** False when the order is unknown or already done. */
    boolean cancel(String childId);

    Optional<OrderStatus> query(String childId);

    void subscribe(VenueListener listener);
}
