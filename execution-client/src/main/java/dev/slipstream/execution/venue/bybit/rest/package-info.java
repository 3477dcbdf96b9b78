/** Bybit v5 REST: the signed HTTP client, its retries, rate limiting and clock sync, and the typed answers. */
@NullMarked
package dev.slipstream.execution.venue.bybit.rest;

import org.jspecify.annotations.NullMarked;
