/** The policy step around each provider call: rate limits before it, cost and spend after it. */
@NonNullByDefault
package dev.slipstream.gateway.policy;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
