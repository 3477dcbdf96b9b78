/** Open-loop latency benchmarks of the gateway against a mock upstream. */
@NonNullByDefault
package dev.slipstream.loadtest.bench;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
