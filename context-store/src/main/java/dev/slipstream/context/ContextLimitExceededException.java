package dev.slipstream.context;

import static java.util.Objects.requireNonNull;

/** A request would take a session past one of its limits. Nothing was written. */
public final class ContextLimitExceededException extends ContextStoreException {
    private static final long serialVersionUID = 1L;

    private final ContextLimit limit;
    private final long value;
    private final long max;

    public ContextLimitExceededException(ContextLimit limit, long value, long max) {
        super(requireNonNull(limit, "limit").subject() + ": " + value + " (expected: <= " + max + ')', null);
        this.limit = limit;
        this.value = value;
        this.max = max;
    }

    public ContextLimit limit() {
        return limit;
    }

    /** The value the request would have reached. */
    public long value() {
        return value;
    }

    public long max() {
        return max;
    }
}
