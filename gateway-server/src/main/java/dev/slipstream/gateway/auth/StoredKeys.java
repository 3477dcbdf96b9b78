package dev.slipstream.gateway.auth;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.slipstream.gateway.config.ApiKeyConfig;

/**
 * Where keys created or disabled at run time are kept so that every replica knows them. Entries carry
 * {@code key_sha256}, never a key.
 */
public interface StoredKeys extends AutoCloseable {
    /** Keeps {@code key} (replacing an entry with its id); the future completes once it is stored. */
    CompletableFuture<Void> save(ApiKeyConfig key);

    /** Every stored entry. */
    CompletableFuture<List<ApiKeyConfig>> loadAll();

    @Override
    void close();

    /** Nothing beyond this process: the verifier's own list is the only copy. */
    StoredKeys NONE = new StoredKeys() {
        @Override
        public CompletableFuture<Void> save(ApiKeyConfig key) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<List<ApiKeyConfig>> loadAll() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public void close() {}
    };
}
