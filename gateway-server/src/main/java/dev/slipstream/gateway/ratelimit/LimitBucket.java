package dev.slipstream.gateway.ratelimit;

import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.ConsumptionProbe;

/** One Bucket4j bucket, local or in Redis, behind the three operations the limiter needs. */
interface LimitBucket {
    CompletableFuture<ConsumptionProbe> tryConsume(long tokens);

    /** Gives back tokens taken by an admission that did not go ahead, or taken beyond the real use. */
    void refund(long tokens);

    /** Takes tokens used beyond the estimate, even into debt: the call has already happened. */
    void charge(long tokens);
}
