package dev.slipstream.context;

/**
 * No session with this id exists for the caller's tenant: it never existed, expired, was deleted, or
 * belongs to another tenant (which the store never reveals).
 */
public final class SessionNotFoundException extends ContextStoreException {
    private static final long serialVersionUID = 1L;

    private final String sessionId;

    public SessionNotFoundException(String sessionId) {
        super("session " + sessionId + " not found (expected: an unexpired session of the caller's tenant)",
              null);
        this.sessionId = sessionId;
    }

    public String sessionId() {
        return sessionId;
    }
}
