package dev.slipstream.context;

/** A page token that no listing of this store issued. */
public final class InvalidPageTokenException extends ContextStoreException {
    private static final long serialVersionUID = 1L;

    public InvalidPageTokenException() {
        super("pageToken: not a token this store issued (expected: the nextPageToken of a previous page)", null);
    }
}
