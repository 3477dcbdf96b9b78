package dev.slipstream.gateway.grpc;

import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.linecorp.armeria.common.RequestContext;
import com.linecorp.armeria.common.stream.ClosedStreamException;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.common.grpc.GrpcExceptionHandlerFunction;

import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;
import dev.slipstream.gateway.error.RequestTooLarge;
import io.grpc.Metadata;
import io.grpc.Status;

/**
 * The one place where exceptions become gRPC statuses: {@link GatewayException}s carry their own reason;
 * an oversized body or message becomes REQUEST_TOO_LARGE; a stream the caller closed is CANCELLED, quietly;
 * anything unexpected is logged and reported as INTERNAL without its stack trace.
 */
public final class GatewayExceptionHandler implements GrpcExceptionHandlerFunction {
    private static final Logger logger = LoggerFactory.getLogger(GatewayExceptionHandler.class);

    @Nullable
    @Override
    public Status apply(RequestContext ctx, Status status, Throwable cause, Metadata metadata) {
        Throwable t = cause;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof GatewayException gateway) {
            return GrpcErrors.toStatus(gateway, metadata);
        }
        final GatewayException bodyTooLarge = RequestTooLarge.from(t);
        if (bodyTooLarge != null) {
            // Keeps the cause for GrpcRequestTooLargeHandler, which writes the response in this case.
            return GrpcErrors.toStatus(bodyTooLarge, metadata).withCause(t);
        }
        // A message above the limit once decompressed.
        if (status.getCode() == Status.Code.RESOURCE_EXHAUSTED) {
            return GrpcErrors.toStatus(GatewayException.of(ErrorReason.REQUEST_TOO_LARGE,
                                                           "request too large: " + status.getDescription()),
                                       metadata);
        }
        if (status.getCode() != Status.Code.UNKNOWN && status.getCode() != Status.Code.INTERNAL) {
            return status;
        }
        // The caller cancelled or went away: nothing failed, and the status never reaches anyone.
        if (t instanceof ClosedStreamException) {
            return Status.CANCELLED.withDescription("the call was cancelled");
        }
        logger.warn("{} failed unexpectedly", ctx, t);
        return GrpcErrors.toStatus(GatewayException.of(ErrorReason.INTERNAL, "internal error (see gateway log)"),
                                   metadata);
    }
}
