/** Server assembly and the command-line entry point. */
@NonNullByDefault
package dev.slipstream.gateway.server;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
