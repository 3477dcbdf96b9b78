/** A local Bybit v5 WebSocket server speaking the real message shapes, for tests of the streams and venues. */
@NullMarked
package dev.slipstream.execution.venue.bybit.fake;

import org.jspecify.annotations.NullMarked;
