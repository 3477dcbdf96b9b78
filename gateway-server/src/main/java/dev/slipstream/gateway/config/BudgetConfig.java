package dev.slipstream.gateway.config;

import com.linecorp.armeria.common.annotation.Nullable;

/** Spend ceilings of a key or a tenant in micro-dollars, per UTC day and per UTC month; 0 means "none". */
public record BudgetConfig(Long dailyMicrosUsd, Long monthlyMicrosUsd) {
    public static final BudgetConfig NONE = new BudgetConfig(0L, 0L);

    public BudgetConfig(@Nullable Long dailyMicrosUsd, @Nullable Long monthlyMicrosUsd) {
        this.dailyMicrosUsd = dailyMicrosUsd == null ? 0 : dailyMicrosUsd;
        this.monthlyMicrosUsd = monthlyMicrosUsd == null ? 0 : monthlyMicrosUsd;
    }
}
