package dev.slipstream.gateway.http;

import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.ResponseHeadersBuilder;

import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;

/** Writes failures in OpenAI's error JSON shape with the matching HTTP status. */
final class OpenAiErrors {
    private static final Logger logger = LoggerFactory.getLogger(OpenAiErrors.class);

    private OpenAiErrors() {}

    static HttpResponse response(Throwable thrown) {
        return aggregated(toGatewayException(thrown)).toHttpResponse();
    }

    static AggregatedHttpResponse aggregated(GatewayException e) {
        final ResponseHeadersBuilder headers =
                ResponseHeaders.builder(HttpStatus.valueOf(e.reason().httpStatus()))
                               .contentType(MediaType.JSON_UTF_8);
        if (e.retryAfter() != null) {
            headers.set("retry-after", String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        }
        return AggregatedHttpResponse.of(headers.build(), HttpData.ofUtf8(body(e).toString()));
    }

    /** {@code {"error": {"message", "type", "param", "code"}}}; also the payload of a failed SSE stream. */
    static ObjectNode body(GatewayException e) {
        final ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("message", e.getMessage());
        error.put("type", e.reason().openAiType());
        if (e.fieldViolations().isEmpty()) {
            error.putNull("param");
        } else {
            error.put("param", e.fieldViolations().get(0).field());
        }
        error.put("code", e.reason().name().toLowerCase(java.util.Locale.ROOT));
        final ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("error", error);
        return root;
    }

    static GatewayException toGatewayException(Throwable thrown) {
        Throwable t = thrown;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof GatewayException gateway) {
            return gateway;
        }
        logger.warn("OpenAI-compatible request failed unexpectedly", t);
        return GatewayException.of(ErrorReason.INTERNAL, "internal error (see gateway log)");
    }
}
