package dev.slipstream.execution.order;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One slice of a parent order. The id is derived from the parent and a sequence number ({@code {parent}-E{seq}},
 * as nautilus_trader's exec algorithms do), so re-submitting the same slice is idempotent at the venue
 * (Bybit's orderLinkId). A null {@code limitPrice} is a market order.
 */
public record ChildOrder(
        String id, String parentId, int sequence, String symbol, Side side, BigDecimal quantity,
        @Nullable BigDecimal limitPrice, Instant createdAt) {

    public ChildOrder {
        requireNonNull(id, "id");
        requireNonNull(parentId, "parentId");
        requireNonNull(symbol, "symbol");
        requireNonNull(side, "side");
        requireNonNull(quantity, "quantity");
        requireNonNull(createdAt, "createdAt");
    }

    public static ChildOrder of(ParentOrder parent, int sequence, BigDecimal quantity, @Nullable BigDecimal limitPrice,
            Instant createdAt) {
        return new ChildOrder(idFor(parent, sequence), parent.id(), sequence, parent.symbol(), parent.side(), quantity,
                limitPrice, createdAt);
    }

    public static String idFor(ParentOrder parent, int sequence) {
        return parent.id() + "-E" + sequence;
    }
}
