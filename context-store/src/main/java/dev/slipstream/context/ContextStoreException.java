package dev.slipstream.context;

import org.jspecify.annotations.Nullable;

/**
 * A failure a {@link ContextStore} completes its stage with. Sealed, so that the gateway can map every
 * kind to a status in one exhaustive {@code switch}.
 */
public abstract sealed class ContextStoreException extends RuntimeException
        permits SessionNotFoundException, VersionConflictException, ContextLimitExceededException,
                InvalidPageTokenException, ContextStoreUnavailableException {
    private static final long serialVersionUID = 1L;

    ContextStoreException(String message, @Nullable Throwable cause) {
        // These are answers, not bugs: a stack trace would only cost time.
        super(message, cause, false, false);
    }
}
