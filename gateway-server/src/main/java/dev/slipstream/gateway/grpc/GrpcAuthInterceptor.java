package dev.slipstream.gateway.grpc;

import static java.util.Objects.requireNonNull;

import java.util.Set;

import dev.slipstream.gateway.auth.ApiKeyVerifier;
import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Requires {@code authorization: Bearer <key>} on every gRPC call except health checks and reflection,
 * which load balancers and tools call without credentials, and puts the caller's {@link Principal} into the
 * call's gRPC {@link Context}. HTTP/JSON transcoded calls pass through here too.
 */
public final class GrpcAuthInterceptor implements ServerInterceptor {
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Set<String> PUBLIC_SERVICES = Set.of(
            "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
            "grpc.reflection.v1alpha.ServerReflection");

    private final ApiKeyVerifier verifier;

    public GrpcAuthInterceptor(ApiKeyVerifier verifier) {
        this.verifier = requireNonNull(verifier, "verifier");
    }

    @Override
    public <I, O> ServerCall.Listener<I> interceptCall(ServerCall<I, O> call, Metadata headers,
                                                       ServerCallHandler<I, O> next) {
        if (PUBLIC_SERVICES.contains(call.getMethodDescriptor().getServiceName())) {
            return next.startCall(call, headers);
        }
        final String authorization = headers.get(AUTHORIZATION);
        if (authorization == null) {
            return reject(call, "missing API key (expected: authorization: Bearer <key>)");
        }
        final Principal principal = verifier.authenticate(ApiKeyVerifier.bearerToken(authorization));
        if (principal == null) {
            return reject(call, "invalid API key");
        }
        return Contexts.interceptCall(Context.current().withValue(Principal.CONTEXT_KEY, principal), call, headers,
                                      next);
    }

    private static <I, O> ServerCall.Listener<I> reject(ServerCall<I, O> call, String message) {
        final Metadata trailers = new Metadata();
        call.close(GrpcErrors.toStatus(GatewayException.of(ErrorReason.UNAUTHENTICATED, message), trailers),
                   trailers);
        return new ServerCall.Listener<>() {};
    }
}
