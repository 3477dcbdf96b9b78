package dev.slipstream.context;

/** The limits of {@link ContextStoreLimits} that a request can exceed, each with the unit it counts. */
public enum ContextLimit {
    /** Messages a session holds. */
    MESSAGES("session messages"),
    /** UTF-8 bytes of one message's content. */
    MESSAGE_BYTES("message content bytes"),
    /** UTF-8 bytes a session holds: metadata keys and values, message contents and the summary text. */
    SESSION_BYTES("session bytes"),
    /** Entries of a session's metadata. */
    METADATA_ENTRIES("metadata entries"),
    /** A session's time to live, in milliseconds. */
    TTL_MILLIS("ttl millis");

    private final String subject;

    ContextLimit(String subject) {
        this.subject = subject;
    }

    /** What the limit counts, as it appears in error messages. */
    public String subject() {
        return subject;
    }
}
