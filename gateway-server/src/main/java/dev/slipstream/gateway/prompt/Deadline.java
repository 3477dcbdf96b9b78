package dev.slipstream.gateway.prompt;

import com.linecorp.armeria.common.logging.RequestLogProperty;
import com.linecorp.armeria.server.ServiceRequestContext;

/** When the caller stops waiting, on the {@link System#nanoTime()} clock; {@link #NONE} when it never does. */
public record Deadline(long nanos) {
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    /**
     * The request's deadline: Armeria's request timeout (the caller's {@code grpc-timeout}, else
     * {@code server.request_timeout_ms}) counted from the request's arrival.
     */
    public static Deadline of(ServiceRequestContext ctx) {
        final long timeoutMillis = ctx.requestTimeoutMillis();
        if (timeoutMillis <= 0) {
            return NONE;
        }
        final long startNanos = ctx.log().isAvailable(RequestLogProperty.REQUEST_START_TIME)
                                ? ctx.log().partial().requestStartTimeNanos() : System.nanoTime();
        return new Deadline(startNanos + timeoutMillis * 1_000_000);
    }

    /** Milliseconds left, negative once passed; {@link Long#MAX_VALUE} for {@link #NONE}. */
    public long remainingMillis() {
        return nanos == Long.MAX_VALUE ? Long.MAX_VALUE : (nanos - System.nanoTime()) / 1_000_000;
    }
}
