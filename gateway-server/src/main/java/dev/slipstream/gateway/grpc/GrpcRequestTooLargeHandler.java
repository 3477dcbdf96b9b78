package dev.slipstream.gateway.grpc;

import java.util.Base64;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.SerializationFormat;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import com.linecorp.armeria.common.grpc.protocol.GrpcHeaderNames;
import com.linecorp.armeria.common.grpc.protocol.StatusMessageEscaper;
import com.linecorp.armeria.server.ServerErrorHandler;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.ServiceRequestContext;

import dev.slipstream.gateway.error.GatewayException;
import dev.slipstream.gateway.error.RequestTooLarge;

/**
 * Armeria refuses a body above {@code server.max_request_bytes} as soon as it sees its length, and then
 * writes the response itself: a bare HTTP 413 for a unary call, a 500 for a streaming one (whose call was
 * cancelled by the refusal), both of which gRPC clients can only report as UNKNOWN. For gRPC and gRPC-Web
 * calls this renders the gateway's REQUEST_TOO_LARGE status with its rich error details instead; every
 * other response is left to the default handler.
 */
public final class GrpcRequestTooLargeHandler implements ServerErrorHandler {
    /** The refusal reaches {@link #renderStatus} only: the gRPC service handles its own exceptions. */
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
        final MediaType contentType = headers == null ? null : headers.contentType();
        final SerializationFormat format = contentType == null ? null : SerializationFormat.find(contentType);
        if (cause == null || format == null || !GrpcSerializationFormats.isGrpc(format)) {
            return null;
        }
        final GatewayException tooLarge = RequestTooLarge.from(cause);
        if (tooLarge == null) {
            return null;
        }
        final com.google.rpc.Status rich = GrpcErrors.toStatusProto(tooLarge);
        // "Trailers-only": the status of a call that sends no message travels in the response headers.
        return AggregatedHttpResponse.of(
                ResponseHeaders.builder(HttpStatus.OK)
                               .contentType(contentType)
                               .addInt(GrpcHeaderNames.GRPC_STATUS, rich.getCode())
                               .add(GrpcHeaderNames.GRPC_MESSAGE, StatusMessageEscaper.escape(rich.getMessage()))
                               .add(GrpcHeaderNames.GRPC_STATUS_DETAILS_BIN,
                                    Base64.getEncoder().encodeToString(rich.toByteArray()))
                               .build());
    }
}
