package dev.slipstream.gateway.policy;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.server.ServiceRequestContext;

import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.chat.ChatPolicy;
import dev.slipstream.gateway.chat.ChatRequest;
import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.chat.TokenUsage;
import dev.slipstream.gateway.cost.Budgets;
import dev.slipstream.gateway.cost.PriceTable;
import dev.slipstream.gateway.cost.SpendLedger;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;
import dev.slipstream.gateway.ratelimit.RateLimiter;
import dev.slipstream.gateway.routing.Route;

/**
 * Admits a call when the caller's rate limits have room for one request and its estimated tokens (the
 * prompt counted with jtokkit plus the requested output limit, or {@code policy.estimated_output_tokens}),
 * and its budgets room for the most those tokens can cost at the priciest target of the route; tells the
 * caller its remaining quota in {@code x-ratelimit-remaining-requests} and
 * {@code x-ratelimit-remaining-tokens}; at the end prices the real usage at the target that answered,
 * settles the token limits and budgets to it and records the spend. A failed call gives back what it took; a cancelled stream is settled
 * to what it produced up to the cancel (see {@link dev.slipstream.gateway.chat.ChatGateway}); a cancelled
 * unary call keeps its admission estimate, as the provider may have produced the whole reply.
 */
public final class GatewayPolicy implements ChatPolicy {
    private final TokenCounter tokens;
    private final RateLimiter limiter;
    private final Budgets budgets;
    private final PriceTable prices;
    private final SpendLedger ledger;
    private final Clock clock;
    private final int estimatedOutputTokens;

    public GatewayPolicy(TokenCounter tokens, RateLimiter limiter, Budgets budgets, PriceTable prices,
                         SpendLedger ledger, Clock clock, int estimatedOutputTokens) {
        this.tokens = requireNonNull(tokens, "tokens");
        this.limiter = requireNonNull(limiter, "limiter");
        this.budgets = requireNonNull(budgets, "budgets");
        this.prices = requireNonNull(prices, "prices");
        this.ledger = requireNonNull(ledger, "ledger");
        this.clock = requireNonNull(clock, "clock");
        this.estimatedOutputTokens = estimatedOutputTokens;
    }

    @Override
    public CompletableFuture<Admission> admit(Principal caller, ChatRequest request, Route route) {
        final Integer maxOutput = request.options().maxOutputTokens();
        final boolean budgeted = budgets.applies(caller);
        // Tokenizing the prompt is the costliest step here: only limits and budgets need it.
        final long promptTokens = budgeted || limiter.limitsTokens(caller) ? tokens.countPrompt(request.messages())
                                                                           : 0;
        final long outputTokens = maxOutput != null ? maxOutput : estimatedOutputTokens;
        // Captured now: the limiter may answer on a Redis thread, outside the request's context.
        @Nullable
        final ServiceRequestContext ctx = ServiceRequestContext.currentOrNull();
        return limiter.acquire(caller, promptTokens + outputTokens).thenCompose(grant -> {
            final CompletableFuture<Budgets.Reservation> reservation =
                    budgets.reserve(caller, budgeted ? maxCostMicrosUsd(route, promptTokens, outputTokens) : 0);
            return reservation.<Admission>handle((reserved, refused) -> {
                if (refused != null) {
                    grant.settle(0);
                    throw refused instanceof CompletionException e ? e : new CompletionException(refused);
                }
                if (ctx != null) {
                    announceRemaining(ctx, grant);
                }
                return new PolicyAdmission(caller, route.name(), grant, reserved);
            });
        }).exceptionallyCompose(failure -> CompletableFuture.failedFuture(asGatewayFailure(failure)));
    }

    /**
     * The most the call can cost at the priciest of the route's targets: which one answers is known only at
     * the end, and a fallback must not overshoot the budget.
     */
    private long maxCostMicrosUsd(Route route, long promptTokens, long outputTokens) {
        return route.targetNames().stream()
                    .mapToLong(target -> prices.priceOf(route.name(), target)
                                               .maxCostMicrosUsd(promptTokens, outputTokens))
                    .max().orElseThrow();
    }

    /** A refusal as it is; anything else is the limit or budget store (Redis) failing to answer. */
    private static GatewayException asGatewayFailure(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof GatewayException refusal) {
            return refusal;
        }
        return GatewayException.of(ErrorReason.CONTEXT_STORE_UNAVAILABLE,
                                   "rate limits and budgets cannot be checked: their store did not answer (" +
                                   cause.getClass().getSimpleName() + ')', cause);
    }

    private static void announceRemaining(ServiceRequestContext ctx, RateLimiter.Grant grant) {
        if (grant.remainingRequests() == Long.MAX_VALUE && grant.remainingTokens() == Long.MAX_VALUE) {
            return;
        }
        ctx.mutateAdditionalResponseHeaders(headers -> {
            if (grant.remainingRequests() != Long.MAX_VALUE) {
                headers.set("x-ratelimit-remaining-requests", String.valueOf(grant.remainingRequests()));
            }
            if (grant.remainingTokens() != Long.MAX_VALUE) {
                headers.set("x-ratelimit-remaining-tokens", String.valueOf(Math.max(0, grant.remainingTokens())));
            }
        });
    }

    private final class PolicyAdmission implements Admission {
        private final Principal caller;
        /** The requested name, as the ledger reports usage by it. */
        private final String model;
        private final RateLimiter.Grant grant;
        private final Budgets.Reservation reservation;
        private final AtomicBoolean ended = new AtomicBoolean();

        PolicyAdmission(Principal caller, String model, RateLimiter.Grant grant, Budgets.Reservation reservation) {
            this.caller = caller;
            this.model = model;
            this.grant = grant;
            this.reservation = reservation;
        }

        @Override
        public long settle(String target, TokenUsage usage) {
            final long cost = prices.priceOf(model, target).costMicrosUsd(usage);
            if (ended.compareAndSet(false, true)) {
                grant.settle(usage.totalTokens());
                reservation.settle(cost);
                ledger.record(new SpendLedger.SpendKey(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                                                       caller.tenant(), caller.keyId(), model),
                              cost, usage.inputTokens(), usage.outputTokens());
            }
            return cost;
        }

        @Override
        public void release() {
            if (ended.compareAndSet(false, true)) {
                grant.settle(0);
                reservation.settle(0);
            }
        }

        @Override
        public void abandon() {
            ended.set(true);
        }
    }
}
