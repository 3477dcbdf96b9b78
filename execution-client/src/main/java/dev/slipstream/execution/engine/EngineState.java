package dev.slipstream.execution.engine;

import java.util.EnumSet;
import java.util.Set;

/**
 * The engine's lifecycle. ACTIVE waits for the next decision; EXECUTING has a child at the venue; FILLED has just
 * received a fill; ADJUSTING lets the strategy take the fill in before going ACTIVE again.
 */
public enum EngineState {
    INITIALIZED,
    ACTIVE,
    PAUSED,
    EXECUTING,
    FILLED,
    ADJUSTING,
    COMPLETE,
    CANCELLED;

    public Set<EngineState> next() {
        return switch (this) {
            case INITIALIZED -> EnumSet.of(ACTIVE, CANCELLED);
            case ACTIVE -> EnumSet.of(PAUSED, EXECUTING, CANCELLED);
            case PAUSED -> EnumSet.of(ACTIVE, CANCELLED);
            case EXECUTING -> EnumSet.of(FILLED, ACTIVE, CANCELLED);
            case FILLED -> EnumSet.of(ADJUSTING, COMPLETE);
            case ADJUSTING -> EnumSet.of(ACTIVE);
            case COMPLETE, CANCELLED -> EnumSet.noneOf(EngineState.class);
        };
    }

    public boolean isTerminal() {
        return this == COMPLETE || this == CANCELLED;
    }
}
