package dev.slipstream.gateway.auth;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import dev.slipstream.gateway.config.ApiKeyConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Keys in one Redis hash, {@code slipstream:api_keys}: field the key id, value the entry as JSON in the
 * configuration's own shape (snake_case, {@code key_sha256}).
 */
public final class RedisStoredKeys implements StoredKeys {
    private static final String HASH = "slipstream:api_keys";
    private static final ObjectMapper JSON =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                              .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    public RedisStoredKeys(String redisUri, Duration commandTimeout) {
        final RedisURI uri = RedisURI.create(redisUri);
        uri.setTimeout(commandTimeout);
        client = RedisClient.create(uri);
        connection = client.connect();
    }

    @Override
    public CompletableFuture<Void> save(ApiKeyConfig key) {
        if (key.key() != null || key.keySha256() == null) {
            throw new IllegalArgumentException("only digests are stored (expected: key_sha256 and no key)");
        }
        final String json;
        try {
            json = JSON.writeValueAsString(key);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a configuration record always serializes", e);
        }
        return connection.async().hset(HASH, key.id(), json).thenApply(unused -> (Void) null)
                         .toCompletableFuture();
    }

    @Override
    public CompletableFuture<List<ApiKeyConfig>> loadAll() {
        return connection.async().hvals(HASH).thenApply(values -> {
            final List<ApiKeyConfig> keys = new ArrayList<>(values.size());
            for (String value : values) {
                try {
                    keys.add(JSON.readValue(value, ApiKeyConfig.class));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException("unreadable entry in " + HASH + ": " + e.getOriginalMessage(), e);
                }
            }
            return keys;
        }).toCompletableFuture();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
