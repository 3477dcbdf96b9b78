package dev.slipstream.gateway.grpc;

import java.util.Map;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RetryInfo;

import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.FieldViolation;
import dev.slipstream.gateway.error.GatewayException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;

/** Turns a {@link GatewayException} into a gRPC status with the rich error model in its trailers. */
public final class GrpcErrors {
    /** The trailer gRPC clients read rich errors from (what {@code StatusProto.fromThrowable} looks for). */
    private static final Metadata.Key<com.google.rpc.Status> STATUS_DETAILS_KEY =
            Metadata.Key.of("grpc-status-details-bin",
                            ProtoUtils.metadataMarshaller(com.google.rpc.Status.getDefaultInstance()));

    private GrpcErrors() {}

    /** Writes the {@code google.rpc.Status} into {@code trailers} and returns the matching gRPC status. */
    public static Status toStatus(GatewayException e, Metadata trailers) {
        final com.google.rpc.Status rich = toStatusProto(e);
        trailers.put(STATUS_DETAILS_KEY, rich);
        return Status.fromCode(e.reason().grpcCode()).withDescription(rich.getMessage());
    }

    /**
     * The rich error model: code, message, {@code ErrorInfo}, and {@code BadRequest}/{@code RetryInfo}/
     * {@code QuotaFailure} if any.
     */
    static com.google.rpc.Status toStatusProto(GatewayException e) {
        final ErrorReason reason = e.reason();
        final String message = e.getMessage() == null ? reason.name() : e.getMessage();
        final com.google.rpc.Status.Builder rich =
                com.google.rpc.Status.newBuilder()
                                     .setCode(reason.grpcCode().value())
                                     .setMessage(message)
                                     .addDetails(Any.pack(errorInfo(reason, e.metadata())));
        if (!e.fieldViolations().isEmpty()) {
            final BadRequest.Builder badRequest = BadRequest.newBuilder();
            for (FieldViolation v : e.fieldViolations()) {
                badRequest.addFieldViolationsBuilder().setField(v.field()).setDescription(v.description());
            }
            rich.addDetails(Any.pack(badRequest.build()));
        }
        final java.time.Duration retryAfter = e.retryAfter();
        if (retryAfter != null) {
            rich.addDetails(Any.pack(RetryInfo.newBuilder()
                                              .setRetryDelay(Duration.newBuilder()
                                                                     .setSeconds(retryAfter.getSeconds())
                                                                     .setNanos(retryAfter.getNano()))
                                              .build()));
        }
        final GatewayException.QuotaViolation quota = e.quotaViolation();
        if (quota != null) {
            rich.addDetails(Any.pack(QuotaFailure.newBuilder()
                                                 .addViolations(QuotaFailure.Violation.newBuilder()
                                                                                      .setSubject(quota.subject())
                                                                                      .setDescription(
                                                                                              quota.description()))
                                                 .build()));
        }
        return rich.build();
    }

    private static ErrorInfo errorInfo(ErrorReason reason, Map<String, String> metadata) {
        return ErrorInfo.newBuilder()
                        .setReason(reason.name())
                        .setDomain(ErrorReason.DOMAIN)
                        .putAllMetadata(metadata)
                        .build();
    }
}
