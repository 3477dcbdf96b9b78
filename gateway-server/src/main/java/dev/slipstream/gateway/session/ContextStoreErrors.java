package dev.slipstream.gateway.session;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;

import dev.slipstream.context.ContextLimitExceededException;
import dev.slipstream.context.ContextStoreException;
import dev.slipstream.context.ContextStoreUnavailableException;
import dev.slipstream.context.InvalidPageTokenException;
import dev.slipstream.context.SessionNotFoundException;
import dev.slipstream.context.VersionConflictException;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.FieldViolation;
import dev.slipstream.gateway.error.GatewayException;

/** Turns the context store's failures into the gateway's: one reason per kind of failure. */
final class ContextStoreErrors {
    private ContextStoreErrors() {}

    /** {@code failure} as a {@link GatewayException} if it is a context-store failure, else unchanged. */
    static Throwable translate(Throwable failure) {
        final Throwable t = unwrap(failure);
        return t instanceof ContextStoreException e ? toGatewayException(e) : t;
    }

    /** What a future failed with, without the {@link CompletionException} that stages wrap it in. */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static GatewayException toGatewayException(ContextStoreException e) {
        return switch (e) {
            case SessionNotFoundException notFound ->
                    GatewayException.of(ErrorReason.SESSION_NOT_FOUND, notFound.getMessage())
                                    .withMetadata(Map.of("session_id", notFound.sessionId()));
            case VersionConflictException conflict ->
                    GatewayException.of(ErrorReason.VERSION_CONFLICT, conflict.getMessage())
                                    .withMetadata(Map.of("expected_version", Long.toString(conflict.expectedVersion()),
                                                         "actual_version", Long.toString(conflict.actualVersion())));
            case ContextLimitExceededException limit ->
                    GatewayException.of(ErrorReason.CONTEXT_LIMIT_EXCEEDED, limit.getMessage())
                                    .withMetadata(Map.of("limit", limit.limit().name().toLowerCase(Locale.ROOT),
                                                         "value", Long.toString(limit.value()),
                                                         "max", Long.toString(limit.max())));
            case InvalidPageTokenException invalid -> GatewayException.invalid(List.of(new FieldViolation(
                    "page_token", "not a token this gateway issued (expected: the next_page_token of a previous page)")));
            // The cause (host, port, Lettuce's words) is for the log, not for callers.
            case ContextStoreUnavailableException unavailable ->
                    GatewayException.of(ErrorReason.CONTEXT_STORE_UNAVAILABLE,
                                        "session store unavailable (retry later)", unavailable);
        };
    }
}
