package dev.slipstream.execution.backtest;

import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.order.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Spreads buys and sells over the bars: starts on whole minutes after a day of history (for the volume curve and
 * volatility), quantities uniform in the configured range, the decision taken five minutes before the start.
 */
final class ParentOrderSampler {

    static final Duration DECISION_LEAD = Duration.ofMinutes(5);

    private ParentOrderSampler() {}

    static List<ParentOrder> sample(BarWindow window, BacktestConfig config) {
        var random = new SplittableRandom(config.seed());
        Instant first = window.bars().getFirst().time().plus(Duration.ofDays(1));
        Instant last = window.bars().getLast().time().minus(config.horizon()).minus(Duration.ofMinutes(5));
        long minutes = Duration.between(first, last).toMinutes();
        if (minutes < 1) {
            throw new IllegalArgumentException("bars too short for a day of history plus a " + config.horizon()
                    + " horizon");
        }
        List<ParentOrder> orders = new ArrayList<>();
        for (int i = 0; i < config.orders(); i++) {
            Instant start = first.plus(Duration.ofMinutes(random.nextLong(minutes)));
            BigDecimal quantity = config.instrument().roundDownToLot(
                    config.minQuantity() + (config.maxQuantity() - config.minQuantity()) * random.nextDouble());
            orders.add(new ParentOrder("bt" + i, config.instrument().symbol(), random.nextBoolean() ? Side.BUY : Side.SELL,
                    quantity, start, start.plus(config.horizon()),
                    BigDecimal.valueOf(window.closeBefore(start.minus(DECISION_LEAD))), config.lambdaBps()));
        }
        return orders;
    }
}
