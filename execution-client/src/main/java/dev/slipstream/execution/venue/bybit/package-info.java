/**
 * Bybit v5: signed REST, public and private WebSocket streams, and the venues built on them (live and paper).
 * Facts and field names follow the Bybit v5 API documentation ("V5" guide).
 */
@NullMarked
package dev.slipstream.execution.venue.bybit;

import org.jspecify.annotations.NullMarked;
