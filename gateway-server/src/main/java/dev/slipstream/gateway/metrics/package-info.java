/** Prometheus metrics ({@code /metrics}) and the structured per-request log line. */
@NonNullByDefault
package dev.slipstream.gateway.metrics;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
