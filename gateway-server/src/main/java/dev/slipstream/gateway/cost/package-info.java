/** What calls cost: the price table, cost in micro-dollars from real usage, and the spend ledger. */
@NonNullByDefault
package dev.slipstream.gateway.cost;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
