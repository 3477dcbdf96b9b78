/**
 * Routes: a model alias served by ordered or weighted targets, each called through a timeout, retries, a
 * circuit breaker and a bulkhead, with fallback within the caller's deadline; and their health.
 */
@NonNullByDefault
package dev.slipstream.gateway.routing;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
