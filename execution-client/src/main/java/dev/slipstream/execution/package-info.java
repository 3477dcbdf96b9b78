/** Order-slicing execution client; the sub-packages hold orders, strategies, impact, risk, engine, venues, backtests and the CLI. */
@NullMarked
package dev.slipstream.execution;

import org.jspecify.annotations.NullMarked;
