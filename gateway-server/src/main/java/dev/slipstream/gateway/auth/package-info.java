/** Caller authentication: API key verification for gRPC and HTTP. */
@NonNullByDefault
package dev.slipstream.gateway.auth;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
