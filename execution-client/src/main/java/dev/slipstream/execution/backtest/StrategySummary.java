package dev.slipstream.execution.backtest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One strategy's row of the comparison. {@code riskAdjustedBps} is mean + λ·variance of the shortfall, the
 * objective Almgren–Chriss minimise; {@code valueAddVersusTwapBps} is the mean, order by order, of TWAP's shortfall
 * minus this strategy's (positive: better than TWAP).
 */
record StrategySummary(
        String strategy, double meanBps, double stdevBps, double p5Bps, double p50Bps, double p95Bps,
        double riskAdjustedBps, double vwapSlippageBps, double arrivalSlippageBps, double participation,
        double fillRate, double completedOnTime, double fallbackRate, double valueAddVersusTwapBps) {

    static StrategySummary of(String strategy, BacktestResult result) {
        List<OrderOutcome> outcomes = result.of(strategy);
        var shortfall = new Statistics(outcomes.stream().mapToDouble(OrderOutcome::shortfallBps).toArray());
        Map<String, Double> twap = new HashMap<>();
        result.of("twap").forEach(outcome -> twap.put(outcome.parentId(), outcome.shortfallBps()));
        double[] valueAdd = outcomes.stream().filter(outcome -> twap.containsKey(outcome.parentId()))
                .mapToDouble(outcome -> twap.get(outcome.parentId()) - outcome.shortfallBps()).toArray();
        return new StrategySummary(strategy, shortfall.mean(), shortfall.stdev(), shortfall.percentile(5),
                shortfall.percentile(50), shortfall.percentile(95),
                shortfall.mean() + result.config().lambdaBps() * shortfall.variance(),
                mean(outcomes.stream().mapToDouble(OrderOutcome::vwapSlippageBps).toArray()),
                mean(outcomes.stream().mapToDouble(OrderOutcome::arrivalSlippageBps).toArray()),
                mean(outcomes.stream().mapToDouble(OrderOutcome::participation).toArray()),
                mean(outcomes.stream().mapToDouble(OrderOutcome::fillRate).toArray()),
                mean(outcomes.stream().mapToDouble(outcome -> outcome.completed() ? 1 : 0).toArray()),
                mean(outcomes.stream().mapToDouble(OrderOutcome::fallbackRate).toArray()),
                valueAdd.length == 0 ? Double.NaN : mean(valueAdd));
    }

    private static double mean(double[] values) {
        return new Statistics(values).mean();
    }
}
