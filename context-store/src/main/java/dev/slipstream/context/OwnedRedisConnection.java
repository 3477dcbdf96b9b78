package dev.slipstream.context;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

/** A connection the store opened from a URI, with the client and threads behind it; closed with the store. */
final class OwnedRedisConnection implements AutoCloseable {
    /** Reconnect attempts are cheap: retry soon, so that the store is back within a second of Redis. */
    private static final Delay RECONNECT_DELAY =
            Delay.exponential(Duration.ZERO, Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private OwnedRedisConnection(ClientResources resources, RedisClient client,
                                 StatefulRedisConnection<String, String> connection) {
        this.resources = resources;
        this.client = client;
        this.connection = connection;
    }

    /**
     * Connects now.
     *
     * @throws ContextStoreUnavailableException when Redis cannot be reached
     */
    static OwnedRedisConnection open(String redisUri, Duration commandTimeout) {
        final RedisURI uri = RedisURI.create(redisUri);
        uri.setTimeout(commandTimeout);
        final ClientResources resources = DefaultClientResources.builder().reconnectDelay(RECONNECT_DELAY).build();
        final RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(RedisContextStore.clientOptions(commandTimeout));
        try {
            return new OwnedRedisConnection(resources, client, client.connect(StringCodec.UTF8));
        } catch (RedisException e) {
            shutdown(client, resources);
            throw new ContextStoreUnavailableException(
                    "cannot connect to Redis at " + uri.getHost() + ':' + uri.getPort() + ": " + e.getMessage(), e);
        }
    }

    StatefulRedisConnection<String, String> connection() {
        return connection;
    }

    @Override
    public void close() {
        connection.close();
        shutdown(client, resources);
    }

    private static void shutdown(RedisClient client, ClientResources resources) {
        client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
        resources.shutdown(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).awaitUninterruptibly();
    }
}
