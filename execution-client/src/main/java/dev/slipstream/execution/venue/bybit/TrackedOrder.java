package dev.slipstream.execution.venue.bybit;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.order.ChildOrder;
import dev.slipstream.execution.venue.Fill;
import dev.slipstream.execution.venue.OrderStatus;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One child order at Bybit and the fills already passed on for it. Fills come from two places that may overlap:
 * executions on the private stream (each passed on once, by execId) and REST reconciliation after a drop, which
 * passes on whatever Bybit's cumExecQty shows beyond what was delivered. What reconciliation credited is held
 * against the executions that may still arrive for it, so a fill is neither lost nor counted twice. Not
 * thread-safe: the venue guards it.
 */
final class TrackedOrder {

    private final ChildOrder child;
    private final Set<String> execIds = new HashSet<>();
    private @Nullable BybitOrderUpdate last;
    private boolean acknowledged;
    private OrderStatus.@Nullable State localState;
    private BigDecimal delivered = BigDecimal.ZERO;
    private BigDecimal deliveredNotional = BigDecimal.ZERO;
    private BigDecimal creditedAhead = BigDecimal.ZERO;

    TrackedOrder(ChildOrder child) {
        this.child = requireNonNull(child, "child");
    }

    ChildOrder child() {
        return child;
    }

    /** Bybit answered the create: the order exists even while a query does not show it yet. */
    void acknowledge() {
        acknowledged = true;
    }

    boolean isAcknowledged() {
        return acknowledged;
    }

    /** Settles the order without Bybit (refused locally or by Bybit's answer to the create). */
    void settleLocally(OrderStatus.State state) {
        localState = state;
    }

    void onUpdate(BybitOrderUpdate update) {
        if (last == null || !update.updatedTime().isBefore(last.updatedTime()) || update.state().isDone()) {
            last = update;
        }
    }

    /** The fill to pass on for {@code execution}; empty when it was seen before or reconciliation already did. */
    Optional<Fill> onExecution(BybitExecution execution) {
        if (!execIds.add(execution.execId())) {
            return Optional.empty();
        }
        BigDecimal quantity = execution.execQty();
        BigDecimal absorbed = quantity.min(creditedAhead);
        creditedAhead = creditedAhead.subtract(absorbed);
        quantity = quantity.subtract(absorbed);
        if (quantity.signum() <= 0) {
            return Optional.empty();
        }
        delivered = delivered.add(quantity);
        deliveredNotional = deliveredNotional.add(quantity.multiply(execution.execPrice()));
        return Optional.of(new Fill(child.id(), quantity, execution.execPrice(), execution.execTime()));
    }

    /**
     * Takes Bybit's own account of the order (from REST); returns the fill it shows beyond what was delivered,
     * priced so that the delivered average matches Bybit's avgPrice.
     */
    Optional<Fill> reconcile(BybitOrderUpdate update) {
        onUpdate(update);
        BigDecimal missing = update.cumExecQty().subtract(delivered);
        if (missing.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal notional = update.cumExecQty().multiply(update.avgPrice()).subtract(deliveredNotional);
        BigDecimal price = notional.divide(missing, MathContext.DECIMAL64);
        delivered = delivered.add(missing);
        deliveredNotional = deliveredNotional.add(notional);
        creditedAhead = creditedAhead.add(missing);
        return Optional.of(new Fill(child.id(), missing, price, update.updatedTime()));
    }

    boolean isDone() {
        return localState != null || (last != null && last.state().isDone());
    }

    OrderStatus status() {
        OrderStatus.State state = localState != null ? localState
                : last != null ? last.state().toVenueState() : OrderStatus.State.NEW;
        BigDecimal average = delivered.signum() == 0 ? BigDecimal.ZERO
                : deliveredNotional.divide(delivered, MathContext.DECIMAL64);
        return new OrderStatus(child, state, delivered, average);
    }
}
