/** Backtests: parent orders over recorded bars, run through each strategy, compared in one table. */
@NullMarked
package dev.slipstream.execution.backtest;

import org.jspecify.annotations.NullMarked;
