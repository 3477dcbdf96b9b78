package dev.slipstream.gateway.config;

import com.linecorp.armeria.common.annotation.Nullable;

/** Ceilings shared by every key of one tenant. */
public record TenantConfig(String id, RateLimitConfig limits, BudgetConfig budget) {
    public TenantConfig(String id, @Nullable RateLimitConfig limits, @Nullable BudgetConfig budget) {
        this.id = id;
        this.limits = limits == null ? RateLimitConfig.NONE : limits;
        this.budget = budget == null ? BudgetConfig.NONE : budget;
    }
}
