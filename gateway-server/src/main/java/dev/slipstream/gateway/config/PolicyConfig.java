package dev.slipstream.gateway.config;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * How calls are estimated before they happen, for tokens limits and budgets.
 *
 * @param estimatedOutputTokens the reply length assumed for a request that sets no output limit
 */
public record PolicyConfig(Integer estimatedOutputTokens) {
    public static final PolicyConfig DEFAULT = new PolicyConfig(null);

    public PolicyConfig(@Nullable Integer estimatedOutputTokens) {
        this.estimatedOutputTokens = estimatedOutputTokens == null ? 1024 : estimatedOutputTokens;
    }
}
