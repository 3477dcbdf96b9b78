package dev.slipstream.gateway.cost;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.config.BudgetConfig;
import dev.slipstream.gateway.config.TenantConfig;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;

/**
 * Daily and monthly budgets (UTC) of keys and tenants. A call reserves its estimated cost in every budget
 * that applies, all or nothing, and is refused when one has no room; at the end the reservation is
 * replaced by the real cost.
 *
 * <p>Reservations are atomic, so concurrent calls never commit more than a budget. Spend can pass it only
 * by what admitted calls cost beyond their estimates: the estimate prices the gateway's count of prompt
 * tokens at the highest input rate plus the output limit at the output rate, so only a provider counting
 * more prompt tokens than the gateway can do that.
 */
public final class Budgets {
    /** A counter outlives its period by this much, so that late settlements still find it. */
    private static final Duration TTL_MARGIN = Duration.ofDays(1);

    private final SpendCounters counters;
    private final Map<String, BudgetConfig> tenantBudgets;
    private final Clock clock;

    public Budgets(SpendCounters counters, List<TenantConfig> tenants, Clock clock) {
        this.counters = requireNonNull(counters, "counters");
        final Map<String, BudgetConfig> budgets = new HashMap<>();
        tenants.forEach(tenant -> budgets.put(tenant.id(), tenant.budget()));
        tenantBudgets = Map.copyOf(budgets);
        this.clock = requireNonNull(clock, "clock");
    }

    /** True when a budget applies to {@code caller}, so that its calls need a cost estimate. */
    public boolean applies(Principal caller) {
        final BudgetConfig tenant = tenantBudgets.get(caller.tenant());
        return isSet(caller.budget()) || tenant != null && isSet(tenant);
    }

    private static boolean isSet(BudgetConfig budget) {
        return budget.dailyMicrosUsd() > 0 || budget.monthlyMicrosUsd() > 0;
    }

    /** Reserves {@code estimatedMicros}; fails with BUDGET_EXCEEDED and a QuotaFailure when it does not fit. */
    public CompletableFuture<Reservation> reserve(Principal caller, long estimatedMicros) {
        if (!applies(caller)) {
            return CompletableFuture.completedFuture(new Reservation(counters, List.of(), 0));
        }
        final LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        final List<Period> periods = new ArrayList<>(4);
        addPeriods(periods, "key:" + caller.keyId(), caller.budget(), today);
        final BudgetConfig tenant = tenantBudgets.get(caller.tenant());
        if (tenant != null) {
            addPeriods(periods, "tenant:" + caller.tenant(), tenant, today);
        }
        final List<CompletableFuture<Boolean>> reserved = new ArrayList<>(periods.size());
        for (Period period : periods) {
            reserved.add(counters.reserve(period.counter, estimatedMicros, period.limit, period.ttl));
        }
        return CompletableFuture.allOf(reserved.toArray(CompletableFuture[]::new)).thenApply(unused -> {
            Period refused = null;
            for (int i = 0; i < periods.size(); i++) {
                if (!reserved.get(i).join()) {
                    refused = periods.get(i);
                }
            }
            if (refused == null) {
                return new Reservation(counters, periods, estimatedMicros);
            }
            for (int i = 0; i < periods.size(); i++) {
                if (reserved.get(i).join()) {
                    counters.adjust(periods.get(i).counter, -estimatedMicros);
                }
            }
            throw GatewayException.of(ErrorReason.BUDGET_EXCEEDED,
                                      "the " + refused.description + " of API key '" + caller.keyId() + "' (" +
                                      refused.limit + " micro-USD) has no room for this call's estimated " +
                                      estimatedMicros + " micro-USD")
                                  .withQuotaViolation(new GatewayException.QuotaViolation(
                                          refused.subject, refused.description + " of " + refused.limit +
                                                           " micro-USD exhausted"));
        });
    }

    private static void addPeriods(List<Period> periods, String owner, BudgetConfig budget, LocalDate today) {
        final String whose = owner.startsWith("key:") ? "key" : "tenant";
        if (budget.dailyMicrosUsd() > 0) {
            periods.add(new Period("budget:" + owner + ":day:" + today, owner, budget.dailyMicrosUsd(),
                                   "daily budget of the " + whose, Duration.ofDays(1).plus(TTL_MARGIN)));
        }
        if (budget.monthlyMicrosUsd() > 0) {
            periods.add(new Period("budget:" + owner + ":month:" + today.withDayOfMonth(1), owner,
                                   budget.monthlyMicrosUsd(), "monthly budget of the " + whose,
                                   Duration.ofDays(31).plus(TTL_MARGIN)));
        }
    }

    private record Period(String counter, String subject, long limit, String description, Duration ttl) {}

    /** What an admitted call reserved; settle it once with the real cost. */
    public static final class Reservation {
        private final SpendCounters counters;
        private final List<Period> periods;
        private final long reservedMicros;

        private Reservation(SpendCounters counters, List<Period> periods, long reservedMicros) {
            this.counters = counters;
            this.periods = periods;
            this.reservedMicros = reservedMicros;
        }

        /** Replaces the reservation with {@code actualMicros}. */
        public void settle(long actualMicros) {
            final long correction = actualMicros - reservedMicros;
            if (correction == 0) {
                return;
            }
            for (Period period : periods) {
                counters.adjust(period.counter, correction);
            }
        }
    }
}
