package dev.slipstream.context;

/**
 * A write named a version the session no longer has: someone else wrote first. Nothing was written;
 * re-read the session and retry.
 */
public final class VersionConflictException extends ContextStoreException {
    private static final long serialVersionUID = 1L;

    private final String sessionId;
    private final long expectedVersion;
    private final long actualVersion;

    public VersionConflictException(String sessionId, long expectedVersion, long actualVersion) {
        super("session " + sessionId + ": expectedVersion " + expectedVersion + " is stale (expected: " +
              actualVersion + ", the current version; re-read the session and retry)", null);
        this.sessionId = sessionId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String sessionId() {
        return sessionId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }
}
