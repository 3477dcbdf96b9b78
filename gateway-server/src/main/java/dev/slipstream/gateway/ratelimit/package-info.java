/** Rate limits per key and per tenant (Bucket4j): requests and tokens per minute, local or in Redis. */
@NonNullByDefault
package dev.slipstream.gateway.ratelimit;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
