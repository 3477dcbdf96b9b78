/** The provider-neutral chat path: requests, validation, model resolution and the gateway core. */
@NonNullByDefault
package dev.slipstream.gateway.chat;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
