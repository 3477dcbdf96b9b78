package dev.slipstream.gateway.provider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.linecorp.armeria.common.annotation.Nullable;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;

/**
 * Maps what a provider client threw to a {@link GatewayException} with a {@code PROVIDER_*} reason. The
 * upstream's error text is kept short and scrubbed of anything that looks like a key.
 */
final class ProviderErrors {
    private static final int MAX_DETAIL_CHARS = 300;
    private static final Pattern KEY_LIKE =
            Pattern.compile("(sk-|sk_|AIza|Bearer\\s+)[A-Za-z0-9_\\-.*]{6,}|[A-Za-z0-9_\\-]{32,}");

    private ProviderErrors() {}

    static GatewayException map(String provider, Throwable thrown, @Nullable String secret) {
        final Throwable cause = unwrap(thrown);
        if (cause instanceof GatewayException gateway) {
            return gateway;
        }
        final HttpException http = find(cause, HttpException.class);
        if (http != null) {
            final GatewayException e = fromStatus(provider, http.statusCode(), detail(http.getMessage(), secret),
                                                  cause);
            return http instanceof RetryAfterCapture.RateLimited limited ? e.withRetryAfter(limited.retryAfter())
                                                                         : e;
        }
        final ErrorReason reason;
        if (cause instanceof AuthenticationException) {
            reason = ErrorReason.PROVIDER_AUTH_FAILED;
        } else if (cause instanceof RateLimitException) {
            reason = ErrorReason.PROVIDER_RATE_LIMITED;
        } else if (cause instanceof ModelNotFoundException) {
            reason = ErrorReason.MODEL_NOT_FOUND;
        } else if (cause instanceof InvalidRequestException || cause instanceof UnsupportedFeatureException) {
            reason = ErrorReason.PROVIDER_REJECTED_REQUEST;
        } else if (cause instanceof ContentFilteredException) {
            reason = ErrorReason.PROVIDER_CONTENT_FILTERED;
        } else if (cause instanceof TimeoutException || find(cause, HttpTimeoutException.class) != null ||
                   find(cause, java.util.concurrent.TimeoutException.class) != null) {
            reason = ErrorReason.PROVIDER_TIMEOUT;
        } else if (cause instanceof InternalServerException || find(cause, ConnectException.class) != null) {
            reason = ErrorReason.PROVIDER_UNAVAILABLE;
        } else if (find(cause, JsonProcessingException.class) != null) {
            reason = ErrorReason.PROVIDER_BAD_RESPONSE;
        } else if (find(cause, IOException.class) != null) {
            reason = ErrorReason.PROVIDER_UNAVAILABLE;
        } else {
            reason = ErrorReason.PROVIDER_BAD_RESPONSE;
        }
        return error(provider, reason, describe(reason) + detail(cause.getMessage(), secret), cause);
    }

    static GatewayException fromStatus(String provider, int status, String detail, @Nullable Throwable cause) {
        final ErrorReason reason = switch (status) {
            case 400, 409, 413, 422 -> ErrorReason.PROVIDER_REJECTED_REQUEST;
            case 401, 403 -> ErrorReason.PROVIDER_AUTH_FAILED;
            case 404 -> ErrorReason.MODEL_NOT_FOUND;
            case 408, 504 -> ErrorReason.PROVIDER_TIMEOUT;
            case 429 -> ErrorReason.PROVIDER_RATE_LIMITED;
            default -> status >= 500 ? ErrorReason.PROVIDER_UNAVAILABLE : ErrorReason.PROVIDER_BAD_RESPONSE;
        };
        return error(provider, reason, describe(reason) + " (HTTP " + status + ')' + detail, cause)
                .withMetadata(Map.of("provider", provider, "upstream_status", String.valueOf(status)));
    }

    /** A stream whose provider sent nothing for {@code quietMs}. */
    static GatewayException noDataFor(String provider, long quietMs) {
        return error(provider, ErrorReason.PROVIDER_TIMEOUT, "no data for " + quietMs + " ms", null);
    }

    /** A stream whose body ended before the provider's final event. */
    static GatewayException streamEndedEarly(String provider) {
        return error(provider, ErrorReason.PROVIDER_BAD_RESPONSE, "stream ended before the provider's final event",
                     null);
    }

    private static GatewayException error(String provider, ErrorReason reason, String message,
                                          @Nullable Throwable cause) {
        final String text = "provider '" + provider + "': " + message;
        final GatewayException e = cause == null ? GatewayException.of(reason, text)
                                                 : GatewayException.of(reason, text, cause);
        return e.withMetadata(Map.of("provider", provider));
    }

    private static String describe(ErrorReason reason) {
        return switch (reason) {
            case PROVIDER_AUTH_FAILED -> "rejected the gateway's credentials";
            case PROVIDER_RATE_LIMITED -> "rate limited the request";
            case MODEL_NOT_FOUND -> "does not know this model";
            case PROVIDER_REJECTED_REQUEST -> "rejected the request";
            case PROVIDER_CONTENT_FILTERED -> "filtered the content";
            case PROVIDER_TIMEOUT -> "did not answer in time";
            case PROVIDER_UNAVAILABLE -> "is unavailable";
            default -> "sent a response the gateway could not read";
        };
    }

    private static String detail(@Nullable String message, @Nullable String secret) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String text = message.strip().replaceAll("\\s+", " ");
        if (secret != null && !secret.isEmpty()) {
            text = text.replace(secret, "[redacted]");
        }
        text = KEY_LIKE.matcher(text).replaceAll("[redacted]");
        if (text.length() > MAX_DETAIL_CHARS) {
            text = text.substring(0, MAX_DETAIL_CHARS) + '…';
        }
        return ": " + text;
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Nullable
    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
