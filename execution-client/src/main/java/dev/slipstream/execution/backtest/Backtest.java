package dev.slipstream.execution.backtest;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.advisor.PacedAdvisor;
import dev.slipstream.execution.engine.AuditLog;
import dev.slipstream.execution.engine.EngineState;
import dev.slipstream.execution.engine.ExecutionEngine;
import dev.slipstream.execution.impact.AlmgrenChrissImpact;
import dev.slipstream.execution.impact.MarketConditions;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.risk.SafetyValidator;
import dev.slipstream.execution.strategy.AdvisedStrategy;
import dev.slipstream.execution.strategy.ExecutionStrategy;
import dev.slipstream.execution.venue.Bar;
import dev.slipstream.execution.venue.SimulatedClock;
import dev.slipstream.execution.venue.SimulatedVenue;
import dev.slipstream.execution.venue.SpreadModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs every parent order through every strategy on the same bars. Each run gets its own simulated venue, so one
 * strategy's impact never leaks into another's prices, and its own seeded random stream, so results repeat.
 */
public final class Backtest {

    /** Bars replayed before the start, so the venue's rolling volatility and volume are warm. */
    private static final Duration WARM_UP = Duration.ofMinutes(60);

    private final BarWindow window;
    private final BacktestConfig config;
    private final AuditLog audit;
    private final @Nullable PacedAdvisor gateway;

    /** The adaptive strategy asks the offline rule of thumb. */
    public Backtest(List<Bar> bars, BacktestConfig config, AuditLog audit) {
        this(bars, config, audit, null);
    }

    /** The adaptive strategy asks {@code gateway}, and each run replays at its pace. */
    public Backtest(List<Bar> bars, BacktestConfig config, AuditLog audit, @Nullable PacedAdvisor gateway) {
        this.window = new BarWindow(bars);
        this.config = requireNonNull(config, "config");
        this.audit = requireNonNull(audit, "audit");
        this.gateway = gateway;
    }

    public int runs() {
        return config.orders() * config.strategies().size();
    }

    /** Runs everything; {@code progress} hears the number of runs done after each one. */
    public BacktestResult run(IntConsumer progress) {
        List<ParentOrder> parents = ParentOrderSampler.sample(window, config);
        List<OrderOutcome> outcomes = new ArrayList<>();
        var seeds = new SplittableRandom(config.seed());
        for (ParentOrder parent : parents) {
            MarketConditions market = window.conditionsBefore(parent.start());
            AlmgrenChrissImpact impact = BacktestImpact.almgrenChriss(config, parent, market);
            long runSeed = seeds.nextLong();
            for (String name : config.strategies()) {
                outcomes.add(runOne(name, parent, impact, new SplittableRandom(runSeed)));
                progress.accept(outcomes.size());
            }
        }
        return new BacktestResult(config, parents, outcomes);
    }

    private OrderOutcome runOne(String name, ParentOrder parent, AlmgrenChrissImpact impact, SplittableRandom random) {
        ExecutionStrategy strategy = StrategyFactory.create(name, parent, window, config, impact, random, gateway);
        var clock = new SimulatedClock(parent.start().minus(WARM_UP));
        List<Bar> replay = window.between(parent.start().minus(WARM_UP), parent.deadline().plus(Duration.ofMinutes(2)));
        var venue = new SimulatedVenue(replay, config.instrument(), BacktestImpact.overlay(config, impact),
                SpreadModel.constant(config.halfSpreadBps()), clock);
        var engine = new ExecutionEngine(parent, config.instrument(), strategy, new SafetyValidator(config.limits()),
                config.limits(), venue, clock, audit);
        engine.start();
        while (venue.advance() && !engine.state().isTerminal()) {
            if (gateway != null) {
                gateway.awaitSettled();
            }
        }
        return measure(name, parent, engine, strategy);
    }

    private OrderOutcome measure(String name, ParentOrder parent, ExecutionEngine engine, ExecutionStrategy strategy) {
        int side = parent.side().sign();
        double quantity = parent.quantity().doubleValue();
        double filled = engine.filled().doubleValue();
        double average = engine.averagePrice();
        double decision = parent.decisionPrice().doubleValue();
        double arrival = window.closeBefore(parent.start());
        double end = window.closeBefore(parent.deadline());
        double filledCost = filled == 0 ? 0 : filled * (average - decision);
        double shortfall = side * (filledCost + (quantity - filled) * (end - decision)) / (quantity * decision) * 1e4;
        double[] vwapAndVolume = window.vwapAndVolume(parent.start(), parent.deadline());
        double fallbackRate = strategy instanceof AdvisedStrategy advised ? advised.fallbackRate() : Double.NaN;
        return new OrderOutcome(name, parent.id(), shortfall,
                side * (average - vwapAndVolume[0]) / vwapAndVolume[0] * 1e4, side * (average - arrival) / arrival * 1e4,
                filled / vwapAndVolume[1], filled / quantity, engine.state() == EngineState.COMPLETE, fallbackRate);
    }
}
