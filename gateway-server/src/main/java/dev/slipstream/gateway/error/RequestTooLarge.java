package dev.slipstream.gateway.error;

import com.linecorp.armeria.common.ContentTooLargeException;
import com.linecorp.armeria.common.annotation.Nullable;

/** Recognizes Armeria's refusal of a request body above {@code server.max_request_bytes}. */
public final class RequestTooLarge {
    private RequestTooLarge() {}

    /**
     * A REQUEST_TOO_LARGE exception when {@code cause} or one of its causes is a
     * {@link ContentTooLargeException}; null otherwise.
     */
    @Nullable
    public static GatewayException from(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ContentTooLargeException tooLarge) {
                // The length is unknown when the body came without content-length and was cut off.
                final String size = tooLarge.contentLength() >= 0 ? ": " + tooLarge.contentLength() + " bytes" : "";
                return GatewayException.of(ErrorReason.REQUEST_TOO_LARGE,
                                           "request too large" + size + " (expected: at most " +
                                           tooLarge.maxContentLength() + " bytes, the server's max_request_bytes)");
            }
        }
        return null;
    }
}
