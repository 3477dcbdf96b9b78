package dev.slipstream.gateway.http;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.SimpleDecoratingHttpService;

import dev.slipstream.gateway.auth.ApiKeyVerifier;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;

/**
 * Requires an API key on the OpenAI-compatible routes: {@code authorization: Bearer <key>} (what the OpenAI
 * SDKs send) or {@code x-api-key: <key>}. Failures are OpenAI-style 401s.
 */
final class HttpApiKeyAuth extends SimpleDecoratingHttpService {
    private final ApiKeyVerifier verifier;

    HttpApiKeyAuth(HttpService delegate, ApiKeyVerifier verifier) {
        super(delegate);
        this.verifier = requireNonNull(verifier, "verifier");
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) throws Exception {
        final String authorization = req.headers().get(HttpHeaderNames.AUTHORIZATION);
        final String key = authorization != null ? ApiKeyVerifier.bearerToken(authorization)
                                                 : req.headers().get("x-api-key");
        if (key == null) {
            return OpenAiErrors.response(GatewayException.of(
                    ErrorReason.UNAUTHENTICATED,
                    "missing API key (expected: authorization: Bearer <key>, or x-api-key: <key>)"));
        }
        if (verifier.authenticate(key) == null) {
            return OpenAiErrors.response(GatewayException.of(ErrorReason.UNAUTHENTICATED, "invalid API key"));
        }
        return unwrap().serve(ctx, req);
    }
}
