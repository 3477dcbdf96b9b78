/** The exact-match response cache for deterministic requests, and its counters. */
@NonNullByDefault
package dev.slipstream.gateway.cache;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
