/** The exec command line: schedule and backtest. */
@NullMarked
package dev.slipstream.execution.cli;

import org.jspecify.annotations.NullMarked;
