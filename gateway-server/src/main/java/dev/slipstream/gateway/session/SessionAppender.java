package dev.slipstream.gateway.session;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.slipstream.context.ContextStore;
import dev.slipstream.context.SessionMessage;
import dev.slipstream.context.VersionConflictException;

/**
 * Appends messages to a session, serialised with concurrent writers by the store's version check: when
 * another write landed first, the append is retried at the version that write produced, a bounded
 * number of times.
 */
final class SessionAppender {
    private final ContextStore store;
    private final int maxRetries;

    SessionAppender(ContextStore store, int maxRetries) {
        this.store = requireNonNull(store, "store");
        this.maxRetries = maxRetries;
    }

    /** The session's new version; fails with the store's exception once the retries are used up. */
    CompletableFuture<Long> append(String tenant, String sessionId, long expectedVersion,
                                   List<SessionMessage> messages) {
        return attempt(tenant, sessionId, expectedVersion, messages, maxRetries);
    }

    /** Appends at whatever version the session has now. */
    CompletableFuture<Long> appendAtCurrentVersion(String tenant, String sessionId, List<SessionMessage> messages) {
        return store.get(tenant, sessionId).toCompletableFuture()
                    .thenCompose(session -> append(tenant, sessionId, session.version(), messages));
    }

    private CompletableFuture<Long> attempt(String tenant, String sessionId, long expectedVersion,
                                            List<SessionMessage> messages, int retriesLeft) {
        return store.append(tenant, sessionId, expectedVersion, messages).toCompletableFuture()
                    .exceptionallyCompose(failure -> {
                        if (ContextStoreErrors.unwrap(failure) instanceof VersionConflictException conflict &&
                            retriesLeft > 0) {
                            return attempt(tenant, sessionId, conflict.actualVersion(), messages, retriesLeft - 1);
                        }
                        return CompletableFuture.failedFuture(failure);
                    });
    }
}
