package dev.slipstream.gateway.error;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * A failure the gateway reports to its caller. Services throw it; the gRPC exception handler and the
 * HTTP error writer turn it into a {@code google.rpc.Status} or OpenAI's error JSON.
 */
public final class GatewayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorReason reason;
    private final List<FieldViolation> fieldViolations;
    private final Map<String, String> metadata;
    @Nullable
    private final transient Duration retryAfter;
    @Nullable
    private final QuotaViolation quotaViolation;

    private GatewayException(ErrorReason reason, String message, List<FieldViolation> fieldViolations,
                             Map<String, String> metadata, @Nullable Duration retryAfter,
                             @Nullable QuotaViolation quotaViolation, @Nullable Throwable cause) {
        super(message, cause, false, false);
        this.reason = requireNonNull(reason, "reason");
        this.fieldViolations = List.copyOf(fieldViolations);
        this.metadata = Map.copyOf(metadata);
        this.retryAfter = retryAfter;
        this.quotaViolation = quotaViolation;
    }

    /** Which quota a request would pass, and how: goes to {@code google.rpc.QuotaFailure}. */
    public record QuotaViolation(String subject, String description) {
        public QuotaViolation {
            requireNonNull(subject, "subject");
            requireNonNull(description, "description");
        }
    }

    public static GatewayException of(ErrorReason reason, String message) {
        return new GatewayException(reason, message, List.of(), Map.of(), null, null, null);
    }

    public static GatewayException of(ErrorReason reason, String message, Throwable cause) {
        return new GatewayException(reason, message, List.of(), Map.of(), null, null, cause);
    }

    /** An INVALID_ARGUMENT naming every invalid field; the message lists them all. */
    public static GatewayException invalid(List<FieldViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations is empty");
        }
        final StringBuilder message = new StringBuilder();
        for (FieldViolation v : violations) {
            if (!message.isEmpty()) {
                message.append("; ");
            }
            message.append(v.field()).append(": ").append(v.description());
        }
        return new GatewayException(ErrorReason.INVALID_ARGUMENT, message.toString(), violations, Map.of(),
                                    null, null, null);
    }

    public GatewayException withMetadata(Map<String, String> metadata) {
        return new GatewayException(reason, getMessage(), fieldViolations, metadata, retryAfter, quotaViolation,
                                    getCause());
    }

    public GatewayException withRetryAfter(Duration retryAfter) {
        return new GatewayException(reason, getMessage(), fieldViolations, metadata, retryAfter, quotaViolation,
                                    getCause());
    }

    public GatewayException withQuotaViolation(QuotaViolation quotaViolation) {
        return new GatewayException(reason, getMessage(), fieldViolations, metadata, retryAfter, quotaViolation,
                                    getCause());
    }

    @Nullable
    public QuotaViolation quotaViolation() {
        return quotaViolation;
    }

    public ErrorReason reason() {
        return reason;
    }

    public List<FieldViolation> fieldViolations() {
        return fieldViolations;
    }

    /** Goes to {@code ErrorInfo.metadata}: short, non-secret facts such as the provider name. */
    public Map<String, String> metadata() {
        return metadata;
    }

    @Nullable
    public Duration retryAfter() {
        return retryAfter;
    }
}
