package dev.slipstream.execution.backtest;

import dev.slipstream.execution.order.ParentOrder;
import java.util.List;

/** Everything a backtest produced: its configuration, the parent orders and one outcome per order and strategy. */
public record BacktestResult(BacktestConfig config, List<ParentOrder> parents, List<OrderOutcome> outcomes) {

    public BacktestResult {
        parents = List.copyOf(parents);
        outcomes = List.copyOf(outcomes);
    }

    List<OrderOutcome> of(String strategy) {
        return outcomes.stream().filter(outcome -> outcome.strategy().equals(strategy)).toList();
    }
}
