package dev.slipstream.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;

/** Where buckets live: this process, or Redis shared by every replica. */
interface BucketStore extends AutoCloseable {
    /** The bucket named {@code name}, created with {@code configuration} on first use. */
    LimitBucket bucket(String name, BucketConfiguration configuration);

    @Override
    void close();
}
