/** Parent and child orders, sides, instruments and the exact lot/tick arithmetic at the venue boundary. */
@NullMarked
package dev.slipstream.execution.order;

import org.jspecify.annotations.NullMarked;
