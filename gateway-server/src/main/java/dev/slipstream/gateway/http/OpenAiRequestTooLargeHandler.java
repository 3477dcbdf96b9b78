package dev.slipstream.gateway.http;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.server.ServerErrorHandler;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.ServiceRequestContext;

import dev.slipstream.gateway.error.GatewayException;
import dev.slipstream.gateway.error.RequestTooLarge;

/**
 * Armeria refuses a body above {@code server.max_request_bytes} itself and would answer with a plain-text
 * 413; on the OpenAI-compatible routes this answers with OpenAI's error JSON instead, which SDKs can parse.
 * It is a server-wide handler because a route-level one loses {@code renderStatus} when Armeria chains it
 * to the server's.
 */
final class OpenAiRequestTooLargeHandler implements ServerErrorHandler {
    /** The refusal reaches {@link #renderStatus} only: the service turns its own failures into responses. */
    @Nullable
    @Override
    public HttpResponse onServiceException(ServiceRequestContext ctx, Throwable cause) {
        return null;
    }

    @Nullable
    @Override
    public AggregatedHttpResponse renderStatus(@Nullable ServiceRequestContext ctx, ServiceConfig config,
                                               @Nullable RequestHeaders headers, HttpStatus status,
                                               @Nullable String description, @Nullable Throwable cause) {
        if (headers == null || !headers.path().startsWith(OpenAiHttpService.PATH_PREFIX) || cause == null) {
            return null;
        }
        final GatewayException tooLarge = RequestTooLarge.from(cause);
        return tooLarge == null ? null : OpenAiErrors.aggregated(tooLarge);
    }
}
