/**
 * The typed execution-advisor RPCs over prompt templates: request to variables, the request's own output
 * checks, output to reply, and the deterministic baselines.
 */
@NonNullByDefault
package dev.slipstream.gateway.advisor;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
