/** Provider adapters behind one small interface, and the offline local provider. */
@NonNullByDefault
package dev.slipstream.gateway.provider;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
