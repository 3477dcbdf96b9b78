package dev.slipstream.gateway.routing;

import java.time.Duration;

import com.linecorp.armeria.common.logging.RequestLogProperty;
import com.linecorp.armeria.server.ServiceRequestContext;

/** The instant by which the caller wants its answer, on the {@link System#nanoTime()} clock. */
public record Deadline(long nanoTime) {
    /** No deadline: routes are bounded by their targets' timeouts only. */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    public static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    /**
     * The request's own deadline: Armeria sets the request timeout from the gRPC {@code grpc-timeout} header,
     * or the server's {@code request_timeout_ms}; 0 means none.
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

    /** Nanoseconds left, 0 when past. */
    public long remainingNanos() {
        if (nanoTime == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, nanoTime - System.nanoTime());
    }

    /** Milliseconds left, negative once passed; {@link Long#MAX_VALUE} for {@link #NONE}. */
    public long remainingMillis() {
        return nanoTime == Long.MAX_VALUE ? Long.MAX_VALUE : (nanoTime - System.nanoTime()) / 1_000_000;
    }
}
