package dev.slipstream.gateway.ratelimit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.config.RateLimitConfig;
import dev.slipstream.gateway.config.TenantConfig;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Requests and tokens per minute for each key and, when configured, for each tenant as a whole. A call
 * takes one request and its estimated tokens from every bucket that applies, all or nothing, and settles
 * the tokens to its real use at the end.
 *
 * <p>Per-minute limits refill all at once every minute (a fixed window per bucket), so a limit of 20 lets
 * exactly 20 requests through in a minute; the optional per-second burst refills gradually.
 */
public final class RateLimiter implements AutoCloseable {
    private final BucketStore store;
    private final Map<String, RateLimitConfig> tenantLimits;
    /** The buckets of each key and tenant, built once: the hot path allocates no configurations. */
    private final ConcurrentHashMap<String, Buckets> bucketsByOwner = new ConcurrentHashMap<>();

    private record Buckets(LimitBucket requests, LimitBucket tokens) {}

    private RateLimiter(BucketStore store, List<TenantConfig> tenants) {
        this.store = store;
        final Map<String, RateLimitConfig> limits = new java.util.HashMap<>();
        tenants.forEach(tenant -> limits.put(tenant.id(), tenant.limits()));
        tenantLimits = Map.copyOf(limits);
    }

    /** Buckets in this process only. */
    public static RateLimiter local(List<TenantConfig> tenants) {
        return new RateLimiter(new LocalBucketStore(), tenants);
    }

    /** Buckets in the Redis at {@code redisUri}, shared with every gateway that uses it. */
    public static RateLimiter redis(String redisUri, Duration commandTimeout, List<TenantConfig> tenants) {
        return new RateLimiter(new RedisBucketStore(redisUri, commandTimeout), tenants);
    }

    /** True when a tokens limit applies to {@code caller}, so that its calls need a token estimate. */
    public boolean limitsTokens(Principal caller) {
        final RateLimitConfig tenant = tenantLimits.get(caller.tenant());
        return caller.limits().tokensPerMinute() > 0 || tenant != null && tenant.tokensPerMinute() > 0;
    }

    /**
     * Takes one request and {@code estimatedTokens} from the caller's key and tenant; fails with RATE_LIMITED
     * (and a retry delay) when any bucket has too little, leaving every bucket as it was.
     */
    public CompletableFuture<Grant> acquire(Principal caller, long estimatedTokens) {
        final List<Take> takes = new ArrayList<>(4);
        addTakes(takes, "key:" + caller.keyId(), caller.limits(), estimatedTokens);
        final RateLimitConfig tenant = tenantLimits.get(caller.tenant());
        if (tenant != null) {
            addTakes(takes, "tenant:" + caller.tenant(), tenant, estimatedTokens);
        }
        if (takes.isEmpty()) {
            return CompletableFuture.completedFuture(Grant.UNLIMITED);
        }
        final CompletableFuture<?>[] probes = new CompletableFuture<?>[takes.size()];
        for (int i = 0; i < probes.length; i++) {
            final Take take = takes.get(i);
            probes[i] = take.bucket().tryConsume(take.amount()).thenAccept(probe -> take.probe = probe);
        }
        return CompletableFuture.allOf(probes).thenApply(unused -> grantOrRefuse(caller, takes, estimatedTokens));
    }

    private Grant grantOrRefuse(Principal caller, List<Take> takes, long estimatedTokens) {
        long waitNanos = 0;
        Take refused = null;
        long remainingRequests = Long.MAX_VALUE;
        long remainingTokens = Long.MAX_VALUE;
        final List<LimitBucket> tokenBuckets = new ArrayList<>(2);
        for (Take take : takes) {
            final ConsumptionProbe probe = take.probe;
            if (!probe.isConsumed()) {
                if (probe.getNanosToWaitForRefill() >= waitNanos) {
                    waitNanos = probe.getNanosToWaitForRefill();
                    refused = take;
                }
            } else if (take.isTokens) {
                remainingTokens = Math.min(remainingTokens, probe.getRemainingTokens());
                tokenBuckets.add(take.bucket());
            } else {
                remainingRequests = Math.min(remainingRequests, probe.getRemainingTokens());
            }
        }
        if (refused == null) {
            return new Grant(tokenBuckets, estimatedTokens, remainingRequests, remainingTokens);
        }
        for (Take take : takes) {
            if (take.probe.isConsumed()) {
                take.bucket().refund(take.amount());
            }
        }
        final Duration retryAfter = Duration.ofNanos(Math.max(waitNanos, 1_000_000));
        throw GatewayException.of(ErrorReason.RATE_LIMITED,
                                  refused.owner + " of API key '" + caller.keyId() + "' is over its " +
                                  (refused.isTokens ? "tokens" : "requests") + " limit (asked for " +
                                  refused.amount() + "; retry in " + retryAfter.toMillis() + " ms)")
                              .withMetadata(Map.of("limit", refused.isTokens ? "tokens" : "requests"))
                              .withRetryAfter(retryAfter);
    }

    private void addTakes(List<Take> takes, String owner, RateLimitConfig limits, long estimatedTokens) {
        if (limits.isUnlimited()) {
            return;
        }
        final Buckets buckets = bucketsByOwner.computeIfAbsent(owner, unused -> buckets(owner, limits));
        final String label = owner.startsWith("key:") ? "the key" : "the tenant";
        if (buckets.requests() != null) {
            takes.add(new Take(label, buckets.requests(), 1, false));
        }
        if (buckets.tokens() != null) {
            takes.add(new Take(label, buckets.tokens(), estimatedTokens, true));
        }
    }

    private Buckets buckets(String owner, RateLimitConfig limits) {
        final var requests = BucketConfiguration.builder();
        if (limits.requestsPerMinute() > 0) {
            requests.addLimit(perMinute(limits.requestsPerMinute()));
        }
        if (limits.burstPerSecond() > 0) {
            requests.addLimit(Bandwidth.builder().capacity(limits.burstPerSecond())
                                       .refillGreedy(limits.burstPerSecond(), Duration.ofSeconds(1)).build());
        }
        final boolean limitsRequests = limits.requestsPerMinute() > 0 || limits.burstPerSecond() > 0;
        return new Buckets(
                limitsRequests ? store.bucket(owner + ":requests", requests.build()) : null,
                limits.tokensPerMinute() > 0
                ? store.bucket(owner + ":tokens",
                               BucketConfiguration.builder().addLimit(perMinute(limits.tokensPerMinute())).build())
                : null);
    }

    private static Bandwidth perMinute(long amount) {
        return Bandwidth.builder().capacity(amount).refillIntervally(amount, Duration.ofMinutes(1)).build();
    }

    @Override
    public void close() {
        store.close();
    }

    /** One bucket a call takes from, and what it got. */
    private static final class Take {
        final String owner;
        final LimitBucket bucket;
        final long amount;
        final boolean isTokens;
        ConsumptionProbe probe;

        Take(String owner, LimitBucket bucket, long amount, boolean isTokens) {
            this.owner = owner;
            this.bucket = bucket;
            this.amount = amount;
            this.isTokens = isTokens;
        }

        LimitBucket bucket() {
            return bucket;
        }

        long amount() {
            return amount;
        }
    }

    /** What an admitted call took; settle it once with the real token count. */
    public static final class Grant {
        static final Grant UNLIMITED = new Grant(List.of(), 0, Long.MAX_VALUE, Long.MAX_VALUE);

        private final List<LimitBucket> tokenBuckets;
        private final long estimatedTokens;
        private final long remainingRequests;
        private final long remainingTokens;

        private Grant(List<LimitBucket> tokenBuckets, long estimatedTokens, long remainingRequests,
                      long remainingTokens) {
            this.tokenBuckets = tokenBuckets;
            this.estimatedTokens = estimatedTokens;
            this.remainingRequests = remainingRequests;
            this.remainingTokens = remainingTokens;
        }

        /** What the tightest requests bucket has left; {@code Long.MAX_VALUE} when none applies. */
        public long remainingRequests() {
            return remainingRequests;
        }

        /** What the tightest tokens bucket has left; {@code Long.MAX_VALUE} when none applies. */
        public long remainingTokens() {
            return remainingTokens;
        }

        /** Brings the token buckets from the estimate to {@code actualTokens}. */
        public void settle(long actualTokens) {
            final long difference = actualTokens - estimatedTokens;
            for (LimitBucket bucket : tokenBuckets) {
                if (difference > 0) {
                    bucket.charge(difference);
                } else if (difference < 0) {
                    bucket.refund(-difference);
                }
            }
        }
    }
}
