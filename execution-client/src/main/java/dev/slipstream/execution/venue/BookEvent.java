package dev.slipstream.execution.venue;

import dev.slipstream.execution.order.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One recorded market-data event of an L2 replay. */
public sealed interface BookEvent {

    Instant time();

    record Level(BigDecimal price, BigDecimal size) {}

    /** The whole book as of {@code updateId}. */
    record Snapshot(Instant time, long updateId, List<Level> bids, List<Level> asks) implements BookEvent {}

    /** Changed levels (size zero deletes) covering update ids {@code firstId}..{@code lastId}. */
    record Depth(Instant time, long firstId, long lastId, List<Level> bids, List<Level> asks) implements BookEvent {}

    /** A public trade; {@code takerSide} is the aggressor. */
    record Trade(Instant time, BigDecimal price, BigDecimal quantity, Side takerSide) implements BookEvent {}
}
