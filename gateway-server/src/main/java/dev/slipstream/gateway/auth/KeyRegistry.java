package dev.slipstream.gateway.auth;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.slipstream.gateway.config.ApiKeyConfig;

/**
 * Keys created and disabled at run time: applied to this gateway's verifier at once, saved to the stored
 * keys, and taken in from there every {@code syncInterval}, so that every replica sharing the store knows
 * them within that interval.
 */
public final class KeyRegistry implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(KeyRegistry.class);

    private final ApiKeyVerifier verifier;
    private final StoredKeys stored;
    private final ScheduledExecutorService syncer;

    /** Takes in the stored keys now, then every {@code syncInterval}. */
    public KeyRegistry(ApiKeyVerifier verifier, StoredKeys stored, Duration syncInterval) {
        this.verifier = requireNonNull(verifier, "verifier");
        this.stored = requireNonNull(stored, "stored");
        sync().join();
        syncer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("key-sync")
                                                                  .factory());
        syncer.scheduleWithFixedDelay(() -> sync().exceptionally(failure -> {
            logger.warn("taking in the stored API keys failed; trying again in {}: {}", syncInterval,
                        failure.toString());
            return null;
        }).join(), syncInterval.toMillis(), syncInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public List<ApiKey> keys() {
        return verifier.keys();
    }

    /** Adds {@code key} here and to the store; fails with KEY_ALREADY_EXISTS for a known id or secret. */
    public CompletableFuture<ApiKey> create(ApiKey key) {
        verifier.add(key);
        return stored.save(ApiKeys.toStoredConfig(key)).thenApply(unused -> key);
    }

    /** Disables the key here and in the store; fails with KEY_NOT_FOUND for an unknown id. */
    public CompletableFuture<ApiKey> disable(String keyId) {
        final ApiKey disabled = verifier.disable(keyId);
        return stored.save(ApiKeys.toStoredConfig(disabled)).thenApply(unused -> disabled);
    }

    private CompletableFuture<Void> sync() {
        return stored.loadAll().thenAccept(configs -> {
            final List<ApiKey> keys = new ArrayList<>(configs.size());
            for (ApiKeyConfig config : configs) {
                keys.add(ApiKeys.compile(config));
            }
            verifier.sync(keys);
        });
    }

    @Override
    public void close() {
        syncer.shutdownNow();
        stored.close();
    }
}
