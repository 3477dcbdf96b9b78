/** The execution engine: its state machine, the advisor hand-off with a deadline, and the JSONL decision audit. */
@NullMarked
package dev.slipstream.execution.engine;

import org.jspecify.annotations.NullMarked;
