package dev.slipstream.gateway.grpc;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;

import dev.slipstream.gateway.auth.ApiKeyVerifier;
import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.auth.Scope;
import dev.slipstream.gateway.error.GatewayException;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Requires {@code authorization: Bearer <key>} on every gRPC call except health checks and reflection,
 * which load balancers and tools call without credentials, checks that the key has the scope the service
 * needs, and puts the caller's {@link Principal} into the call's gRPC {@link Context}. HTTP/JSON transcoded
 * calls pass through here too.
 */
public final class GrpcAuthInterceptor implements ServerInterceptor {
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Set<String> PUBLIC_SERVICES = Set.of(
            "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
            "grpc.reflection.v1alpha.ServerReflection");
    private static final Map<String, Scope> SCOPES_BY_SERVICE = Map.of(
            "slipstream.gateway.v1.ChatService", Scope.CHAT,
            "slipstream.gateway.v1.ModelService", Scope.CHAT,
            "slipstream.gateway.v1.SessionService", Scope.SESSIONS,
            "slipstream.gateway.v1.PromptService", Scope.PROMPTS,
            "slipstream.execution.v1.ExecutionAdvisorService", Scope.PROMPTS,
            "slipstream.gateway.v1.AdminService", Scope.ADMIN);

    private final ApiKeyVerifier verifier;

    public GrpcAuthInterceptor(ApiKeyVerifier verifier) {
        this.verifier = requireNonNull(verifier, "verifier");
    }

    @Override
    public <I, O> ServerCall.Listener<I> interceptCall(ServerCall<I, O> call, Metadata headers,
                                                       ServerCallHandler<I, O> next) {
        final String service = call.getMethodDescriptor().getServiceName();
        if (PUBLIC_SERVICES.contains(service)) {
            return next.startCall(call, headers);
        }
        final Principal principal;
        try {
            principal = verifier.authenticateAuthorization(headers.get(AUTHORIZATION));
            // A service without a scope of its own is an operator's: only admin keys reach it.
            principal.requireScope(SCOPES_BY_SERVICE.getOrDefault(service, Scope.ADMIN), service);
        } catch (GatewayException e) {
            final Metadata trailers = new Metadata();
            call.close(GrpcErrors.toStatus(e, trailers), trailers);
            return new ServerCall.Listener<>() {};
        }
        return Contexts.interceptCall(Context.current().withValue(Principal.CONTEXT_KEY, principal), call, headers,
                                      next);
    }
}
