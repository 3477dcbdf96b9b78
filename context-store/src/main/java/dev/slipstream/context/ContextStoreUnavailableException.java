package dev.slipstream.context;

/**
 * The store could not be reached, did not answer within its command timeout, or refused to serve (Redis
 * out of memory, loading, read-only…). A write that fails this
 * way may or may not have been applied; retrying with the same expected version is safe, because a
 * write that did land makes the retry fail with {@link VersionConflictException}.
 */
public final class ContextStoreUnavailableException extends ContextStoreException {
    private static final long serialVersionUID = 1L;

    public ContextStoreUnavailableException(String message, Throwable cause) {
        super("context store unavailable: " + message, cause);
    }
}
