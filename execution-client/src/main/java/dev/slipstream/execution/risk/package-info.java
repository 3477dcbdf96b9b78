/** Safety limits and the validator every child order passes before it leaves. */
@NullMarked
package dev.slipstream.execution.risk;

import org.jspecify.annotations.NullMarked;
