/**
 * Bybit v5 WebSocket streams on the JDK client: one reconnecting connection (ping, pong deadline, capped backoff with
 * jitter, whole-message assembly, size bound) under the public book/trade/ticker stream and the private
 * order/execution stream.
 */
@NullMarked
package dev.slipstream.execution.venue.bybit.stream;

import org.jspecify.annotations.NullMarked;
