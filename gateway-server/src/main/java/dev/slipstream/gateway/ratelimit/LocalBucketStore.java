package dev.slipstream.gateway.ratelimit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Buckets of this process only: Bucket4j's lock-free local buckets. */
final class LocalBucketStore implements BucketStore {
    private final ConcurrentHashMap<String, LimitBucket> buckets = new ConcurrentHashMap<>();

    @Override
    public LimitBucket bucket(String name, BucketConfiguration configuration) {
        return buckets.computeIfAbsent(name, unused -> {
            final var builder = Bucket.builder();
            for (Bandwidth bandwidth : configuration.getBandwidths()) {
                builder.addLimit(bandwidth);
            }
            return new LocalBucket(builder.build());
        });
    }

    @Override
    public void close() {}

    private record LocalBucket(Bucket bucket) implements LimitBucket {
        @Override
        public CompletableFuture<ConsumptionProbe> tryConsume(long tokens) {
            return CompletableFuture.completedFuture(bucket.tryConsumeAndReturnRemaining(tokens));
        }

        @Override
        public void refund(long tokens) {
            bucket.addTokens(tokens);
        }

        @Override
        public void charge(long tokens) {
            bucket.consumeIgnoringRateLimits(tokens);
        }
    }
}
