/** HTTP fakes of LLM providers that speak each provider's real wire format, for tests. */
@NonNullByDefault
package dev.slipstream.gateway.provider.fake;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
