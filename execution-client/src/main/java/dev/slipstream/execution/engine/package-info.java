/** The execution engine: its state machine, the gate to the venue and the JSONL decision audit. */
@NullMarked
package dev.slipstream.execution.engine;

import org.jspecify.annotations.NullMarked;
