package dev.slipstream.execution.strategy;

import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.order.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Parent orders and instruments for slicing tests. */
final class Orders {

    static final Instant START = Instant.parse("2022-01-10T00:00:00Z");

    private Orders() {}

    static ParentOrder buy(String quantity, Duration horizon) {
        return new ParentOrder("P1", "BTCUSDT", Side.BUY, new BigDecimal(quantity), START, START.plus(horizon),
                new BigDecimal("42000"), 0);
    }

    static Instrument instrument(String lot, String minimum) {
        return new Instrument("BTCUSDT", new BigDecimal(lot), new BigDecimal(minimum), new BigDecimal("0.5"));
    }
}
