/** Test support: a gateway started with the production wiring on a free loopback port. */
@NonNullByDefault
package dev.slipstream.gateway.testing;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
