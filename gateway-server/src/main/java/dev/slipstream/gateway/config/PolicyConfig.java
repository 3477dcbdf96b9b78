package dev.slipstream.gateway.config;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * How calls are estimated before they happen, for tokens limits and budgets, and how long their spend is
 * kept.
 *
 * @param estimatedOutputTokens the reply length assumed for a request that sets no output limit
 * @param usageRetentionDays UTC days of ledger rows kept (today included) for usage reports; older rows are
 *                           dropped, in memory and in Redis alike
 */
public record PolicyConfig(Integer estimatedOutputTokens, Integer usageRetentionDays) {
    public static final int DEFAULT_ESTIMATED_OUTPUT_TOKENS = 1024;
    public static final int DEFAULT_USAGE_RETENTION_DAYS = 400;

    public static final PolicyConfig DEFAULT = new PolicyConfig(null, null);

    public PolicyConfig(@Nullable Integer estimatedOutputTokens, @Nullable Integer usageRetentionDays) {
        this.estimatedOutputTokens = estimatedOutputTokens == null ? DEFAULT_ESTIMATED_OUTPUT_TOKENS
                                                                   : estimatedOutputTokens;
        this.usageRetentionDays = usageRetentionDays == null ? DEFAULT_USAGE_RETENTION_DAYS : usageRetentionDays;
    }
}
