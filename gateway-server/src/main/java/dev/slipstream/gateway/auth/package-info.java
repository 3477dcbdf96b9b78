/** Caller authentication: API keys, and the principal (tenant) each one stands for. */
@NonNullByDefault
package dev.slipstream.gateway.auth;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
