package dev.slipstream.gateway.error;

import io.grpc.Status;

/**
 * Why a request failed: the {@code ErrorInfo.reason} on gRPC, and the status and error type on the
 * OpenAI-compatible HTTP surface.
 */
public enum ErrorReason {
    INVALID_ARGUMENT(Status.Code.INVALID_ARGUMENT, 400, "invalid_request_error"),
    MODEL_NOT_FOUND(Status.Code.NOT_FOUND, 404, "invalid_request_error"),
    /** No loaded prompt template has the requested id (or version). */
    PROMPT_NOT_FOUND(Status.Code.NOT_FOUND, 404, "invalid_request_error"),
    REQUEST_TOO_LARGE(Status.Code.INVALID_ARGUMENT, 413, "invalid_request_error"),
    UNAUTHENTICATED(Status.Code.UNAUTHENTICATED, 401, "authentication_error"),
    PERMISSION_DENIED(Status.Code.PERMISSION_DENIED, 403, "permission_error"),
    /** The caller's key or tenant is over a requests or tokens per minute limit; RetryInfo says when to retry. */
    RATE_LIMITED(Status.Code.RESOURCE_EXHAUSTED, 429, "rate_limit_error"),
    /** The call's estimated cost does not fit a key's or tenant's daily or monthly budget; QuotaFailure says which. */
    BUDGET_EXCEEDED(Status.Code.RESOURCE_EXHAUSTED, 429, "insufficient_quota"),
    /** The provider rejected the request as malformed (its HTTP 400/404/422). */
    PROVIDER_REJECTED_REQUEST(Status.Code.INVALID_ARGUMENT, 400, "invalid_request_error"),
    /** The provider refused the gateway's credentials: an operator problem, never the caller's key. */
    PROVIDER_AUTH_FAILED(Status.Code.FAILED_PRECONDITION, 502, "api_error"),
    PROVIDER_RATE_LIMITED(Status.Code.RESOURCE_EXHAUSTED, 429, "rate_limit_error"),
    PROVIDER_UNAVAILABLE(Status.Code.UNAVAILABLE, 503, "api_error"),
    PROVIDER_TIMEOUT(Status.Code.DEADLINE_EXCEEDED, 504, "api_error"),
    /** The provider answered with something that is not a valid response of its own API. */
    PROVIDER_BAD_RESPONSE(Status.Code.UNAVAILABLE, 502, "api_error"),
    PROVIDER_CONTENT_FILTERED(Status.Code.FAILED_PRECONDITION, 400, "invalid_request_error"),
    /** No unexpired session with this id belongs to the caller's tenant (another tenant's looks the same). */
    SESSION_NOT_FOUND(Status.Code.NOT_FOUND, 404, "invalid_request_error"),
    /** The session changed since the caller read its version; re-read and retry. */
    VERSION_CONFLICT(Status.Code.ABORTED, 409, "invalid_request_error"),
    /**
     * The session cannot take the request without passing a context-store limit (messages, bytes, metadata
     * entries, TTL). FAILED_PRECONDITION rather than INVALID_ARGUMENT: whether an append fits depends on the
     * session's state, and retrying it unchanged cannot succeed.
     */
    CONTEXT_LIMIT_EXCEEDED(Status.Code.FAILED_PRECONDITION, 400, "invalid_request_error"),
    /**
     * The session store (Redis) did not answer within its command timeout; retry later. Also when rate
     * limits and budgets, kept in the same Redis, cannot be checked: calls are refused rather than let
     * through unchecked.
     */
    CONTEXT_STORE_UNAVAILABLE(Status.Code.UNAVAILABLE, 503, "api_error"),
    /** AdminService.CreateKey: a key with that id (or that secret) exists already. */
    KEY_ALREADY_EXISTS(Status.Code.ALREADY_EXISTS, 409, "invalid_request_error"),
    KEY_NOT_FOUND(Status.Code.NOT_FOUND, 404, "invalid_request_error"),
    INTERNAL(Status.Code.INTERNAL, 500, "api_error");

    /** The {@code ErrorInfo.domain} of every error the gateway produces. */
    public static final String DOMAIN = "slipstream.dev";

    private final Status.Code grpcCode;
    private final int httpStatus;
    private final String openAiType;

    ErrorReason(Status.Code grpcCode, int httpStatus, String openAiType) {
        this.grpcCode = grpcCode;
        this.httpStatus = httpStatus;
        this.openAiType = openAiType;
    }

    public Status.Code grpcCode() {
        return grpcCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The {@code error.type} of OpenAI's error JSON. */
    public String openAiType() {
        return openAiType;
    }
}
