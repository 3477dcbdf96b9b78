package dev.slipstream.execution.risk;

import java.util.List;

/** The last gate before the venue: an order with any violation is logged and never sent. */
@FunctionalInterface
public interface OrderValidator {

    List<Violation> check(OrderCheck check);
}
