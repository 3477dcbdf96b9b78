package dev.slipstream.gateway.ratelimit;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;

/**
 * Buckets kept in Redis, so that every replica draws on the same ones. Bucket4j updates them with
 * compare-and-swap over Lettuce's asynchronous API: no event loop ever waits on Redis. A bucket's key
 * expires once it would be full again, so idle keys leave nothing behind.
 */
final class RedisBucketStore implements BucketStore {
    private static final Logger logger = LoggerFactory.getLogger(RedisBucketStore.class);
    private static final String KEY_PREFIX = "slipstream:ratelimit:";

    private final RedisClient client;
    private final AsyncProxyManager<byte[]> buckets;

    RedisBucketStore(String redisUri, Duration commandTimeout) {
        final RedisURI uri = RedisURI.create(requireNonNull(redisUri, "redisUri"));
        uri.setTimeout(commandTimeout);
        client = RedisClient.create(uri);
        buckets = Bucket4jLettuce.casBasedBuilder(client)
                                 .expirationAfterWrite(ExpirationAfterWriteStrategy
                                         .basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                                 .build()
                                 .asAsync();
    }

    @Override
    public LimitBucket bucket(String name, BucketConfiguration configuration) {
        final byte[] key = (KEY_PREFIX + name).getBytes(StandardCharsets.UTF_8);
        final CompletableFuture<BucketConfiguration> known = CompletableFuture.completedFuture(configuration);
        return new RedisBucket(name, buckets.builder().build(key, () -> known));
    }

    @Override
    public void close() {
        client.shutdown();
    }

    private record RedisBucket(String name, AsyncBucketProxy bucket) implements LimitBucket {
        @Override
        public CompletableFuture<ConsumptionProbe> tryConsume(long tokens) {
            return bucket.tryConsumeAndReturnRemaining(tokens);
        }

        @Override
        public void refund(long tokens) {
            bucket.addTokens(tokens).exceptionally(failure -> log("refund", failure));
        }

        @Override
        public void charge(long tokens) {
            bucket.consumeIgnoringRateLimits(tokens).exceptionally(failure -> {
                log("charge", failure);
                return 0L;
            });
        }

        private Void log(String operation, Throwable failure) {
            // The call it settles has already been served; a lost adjustment only loosens one limit a little.
            logger.warn("rate-limit bucket {}: {} failed: {}", name, operation, failure.toString());
            return null;
        }
    }
}
