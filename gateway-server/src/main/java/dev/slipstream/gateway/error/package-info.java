/** Domain errors and their reasons, shared by the gRPC and HTTP surfaces. */
@NonNullByDefault
package dev.slipstream.gateway.error;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
