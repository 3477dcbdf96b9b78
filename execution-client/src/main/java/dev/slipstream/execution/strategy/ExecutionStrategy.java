package dev.slipstream.execution.strategy;

/** Decides, at each tick, how much of the parent order to send now. */
public interface ExecutionStrategy {

    String name();

    SliceDecision decide(StrategyContext context);
}
