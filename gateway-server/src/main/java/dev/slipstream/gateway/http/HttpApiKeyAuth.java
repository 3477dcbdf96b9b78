package dev.slipstream.gateway.http;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.SimpleDecoratingHttpService;

import dev.slipstream.gateway.auth.ApiKeyVerifier;
import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.auth.Scope;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;
import io.netty.util.AttributeKey;

/**
 * Requires an API key with the route's scope ({@code chat} for the OpenAI-compatible routes, {@code prompts}
 * for prompt invocation, {@code admin} for operator routes): {@code authorization: Bearer <key>} (what the
 * OpenAI SDKs send) or {@code x-api-key: <key>}. Failures are OpenAI-style 401s and 403s; the caller's
 * {@link Principal} goes into the request context.
 */
public final class HttpApiKeyAuth extends SimpleDecoratingHttpService {
    static final AttributeKey<Principal> PRINCIPAL = AttributeKey.valueOf(HttpApiKeyAuth.class, "principal");

    private final ApiKeyVerifier verifier;
    private final Scope scope;
    private final String needer;

    /**
     * A decorator requiring a key with {@code scope}.
     *
     * @param needer what needs {@code scope}, as a 403 names it
     */
    public static Function<? super HttpService, HttpApiKeyAuth> newDecorator(ApiKeyVerifier verifier, Scope scope,
                                                                              String needer) {
        return delegate -> new HttpApiKeyAuth(delegate, verifier, scope, needer);
    }

    /** @param needer what needs {@code scope}, as a 403 names it */
    HttpApiKeyAuth(HttpService delegate, ApiKeyVerifier verifier, Scope scope, String needer) {
        super(delegate);
        this.verifier = requireNonNull(verifier, "verifier");
        this.scope = requireNonNull(scope, "scope");
        this.needer = requireNonNull(needer, "needer");
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) throws Exception {
        final String authorization = req.headers().get(HttpHeaderNames.AUTHORIZATION);
        final String xApiKey = req.headers().get("x-api-key");
        if (authorization == null && xApiKey == null) {
            return OpenAiErrors.response(GatewayException.of(
                    ErrorReason.UNAUTHENTICATED,
                    "missing API key (expected: authorization: Bearer <key>, or x-api-key: <key>)"));
        }
        final Principal principal;
        try {
            principal = authorization != null ? verifier.authenticateAuthorization(authorization)
                                              : verifier.authenticate(xApiKey);
            principal.requireScope(scope, needer);
        } catch (GatewayException e) {
            return OpenAiErrors.response(e);
        }
        ctx.setAttr(PRINCIPAL, principal);
        return unwrap().serve(ctx, req);
    }

    static Principal principal(ServiceRequestContext ctx) {
        final Principal principal = ctx.attr(PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException("no principal in the request context (is HttpApiKeyAuth installed?)");
        }
        return principal;
    }
}
