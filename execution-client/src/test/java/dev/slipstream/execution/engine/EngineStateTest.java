package dev.slipstream.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineStateTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        INITIALIZED | ACTIVE    | true
        INITIALIZED | EXECUTING | false
        ACTIVE      | PAUSED    | true
        PAUSED      | ACTIVE    | true
        PAUSED      | EXECUTING | false
        ACTIVE      | EXECUTING | true
        EXECUTING   | FILLED    | true
        FILLED      | ADJUSTING | true
        FILLED      | COMPLETE  | true
        ADJUSTING   | ACTIVE    | true
        ADJUSTING   | EXECUTING | false
        ACTIVE      | COMPLETE  | false
        COMPLETE    | ACTIVE    | false
        CANCELLED   | ACTIVE    | false
        EXECUTING   | CANCELLED | true
        """)
    void allowsOnlyTheDesignedTransitions(EngineState from, EngineState to, boolean allowed) {
        assertThat(from.next().contains(to)).isEqualTo(allowed);
    }
}
