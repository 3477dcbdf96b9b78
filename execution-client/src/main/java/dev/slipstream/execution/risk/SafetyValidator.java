package dev.slipstream.execution.risk;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.order.ChildOrder;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.venue.MarketSnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Checks a child order against {@link SafetyLimits}, reporting every limit it breaks. */
public final class SafetyValidator implements OrderValidator {

    private final SafetyLimits limits;

    public SafetyValidator(SafetyLimits limits) {
        this.limits = requireNonNull(limits, "limits");
    }

    @Override
    public List<Violation> check(OrderCheck check) {
        ChildOrder order = check.order();
        MarketSnapshot market = check.market();
        List<Violation> violations = new ArrayList<>();
        BigDecimal quantity = order.quantity();
        if (quantity.compareTo(check.instrument().minQuantity()) < 0 || !check.instrument().isLotMultiple(quantity)
                || quantity.compareTo(check.unsent()) > 0) {
            violations.add(new Violation(Limit.QUANTITY, "quantity: " + quantity.toPlainString() + " (expected: >= "
                    + check.instrument().minQuantity().toPlainString() + ", a multiple of "
                    + check.instrument().lotSize().toPlainString() + ", <= unsent "
                    + check.unsent().toPlainString() + ")"));
        }
        if (order.side() != check.parent().side() || !order.symbol().equals(check.parent().symbol())) {
            violations.add(new Violation(Limit.SIDE, "order " + order.side() + " " + order.symbol() + " (expected: "
                    + check.parent().side() + " " + check.parent().symbol() + ")"));
        }
        double maxQuantity = limits.maxParticipation() * market.lastBarVolume();
        if (quantity.doubleValue() > maxQuantity) {
            violations.add(new Violation(Limit.PARTICIPATION, "quantity: " + quantity.toPlainString()
                    + " (expected: <= " + limits.maxParticipation() + " x last bar volume " + market.lastBarVolume()
                    + ")"));
        }
        BigDecimal notional = quantity.multiply(BigDecimal.valueOf(crossingPrice(order.side(), market)));
        if (notional.compareTo(limits.maxOrderNotional()) > 0) {
            violations.add(new Violation(Limit.NOTIONAL, "notional: " + notional.toPlainString() + " (expected: <= "
                    + limits.maxOrderNotional().toPlainString() + ")"));
        }
        checkPacing(order.createdAt(), check.earlierSends(), violations);
        if (!(market.spreadBps() <= limits.maxSpreadToCrossBps())) {
            violations.add(new Violation(Limit.SPREAD, "spread: " + market.spreadBps() + " bps (expected: <= "
                    + limits.maxSpreadToCrossBps() + ")"));
        }
        double benchmark = check.parent().decisionPrice().doubleValue();
        double deviationBps = Math.abs(market.mid() - benchmark) / benchmark * 1e4;
        if (!(deviationBps <= limits.maxDeviationFromBenchmarkBps())) {
            violations.add(new Violation(Limit.BENCHMARK_DEVIATION, "mid " + market.mid() + " is " + deviationBps
                    + " bps from the decision price " + benchmark + " (expected: <= "
                    + limits.maxDeviationFromBenchmarkBps() + ")"));
        }
        if (!(market.volatility() <= limits.volatilityHalt())) {
            violations.add(new Violation(Limit.VOLATILITY_HALT, "volatility: " + market.volatility()
                    + " (expected: <= " + limits.volatilityHalt() + ")"));
        }
        return violations;
    }

    private void checkPacing(Instant now, List<Instant> earlierSends, List<Violation> violations) {
        if (!earlierSends.isEmpty()) {
            Duration sinceLast = Duration.between(earlierSends.getLast(), now);
            if (sinceLast.compareTo(limits.minInterval()) < 0) {
                violations.add(new Violation(Limit.INTERVAL, "since last order: " + sinceLast + " (expected: >= "
                        + limits.minInterval() + ")"));
            }
        }
        Instant windowStart = now.minus(Duration.ofMinutes(1));
        long inLastMinute = earlierSends.stream().filter(sent -> sent.isAfter(windowStart)).count() + 1;
        if (inLastMinute > limits.maxOrdersPerMinute()) {
            violations.add(new Violation(Limit.ORDERS_PER_MINUTE, "orders in the last minute: " + inLastMinute
                    + " (expected: <= " + limits.maxOrdersPerMinute() + ")"));
        }
    }

    /** A market buy pays the ask, a market sell receives the bid. */
    static double crossingPrice(Side side, MarketSnapshot market) {
        return side == Side.BUY ? market.ask() : market.bid();
    }
}
