/** The YAML configuration: immutable records, loading with environment substitution, validation. */
@NonNullByDefault
package dev.slipstream.gateway.config;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
