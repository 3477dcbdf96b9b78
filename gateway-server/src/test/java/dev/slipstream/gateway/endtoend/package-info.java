/** Tests that run another module's client against a gateway started in the same JVM. */
@NonNullByDefault
package dev.slipstream.gateway.endtoend;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
