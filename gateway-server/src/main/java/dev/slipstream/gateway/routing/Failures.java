package dev.slipstream.gateway.routing;

import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;

/** What a failed attempt means for the route: which failures are worth another try, here or elsewhere. */
final class Failures {
    /**
     * Failures another attempt may not repeat: rate limits, 5xx, connection errors, timeouts and unreadable
     * replies. The rest (400, 401, 403, 404, filtered content) would fail the same way anywhere.
     */
    private static final Set<ErrorReason> RETRYABLE = Set.of(
            ErrorReason.PROVIDER_RATE_LIMITED, ErrorReason.PROVIDER_UNAVAILABLE, ErrorReason.PROVIDER_TIMEOUT,
            ErrorReason.PROVIDER_BAD_RESPONSE);

    private Failures() {}

    static boolean retryable(GatewayException e) {
        return RETRYABLE.contains(e.reason());
    }

    /** The provider's HTTP status, when the failure had one; else 0. */
    static int upstreamStatus(GatewayException e) {
        final String status = e.metadata().get("upstream_status");
        return status == null ? 0 : Integer.parseInt(status);
    }

    /** Providers report GatewayExceptions; the gateway's own timeouts and anything unexpected are mapped here. */
    static GatewayException toGatewayException(Throwable thrown, RouteTarget target) {
        Throwable cause = thrown;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) &&
               cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof GatewayException gateway) {
            return gateway;
        }
        if (cause instanceof TimeoutException) {
            return GatewayException.of(ErrorReason.PROVIDER_TIMEOUT,
                                       "provider '" + target.provider().name() + "': did not answer in time " +
                                       "(the target's timeout_ms or the caller's deadline)", cause);
        }
        return GatewayException.of(ErrorReason.INTERNAL, "calling " + target.name() + " failed: " + cause, cause);
    }
}
