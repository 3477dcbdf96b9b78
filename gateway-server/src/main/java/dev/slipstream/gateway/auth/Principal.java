package dev.slipstream.gateway.auth;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.annotation.Nullable;

import io.grpc.Context;

/**
 * Who is calling, as established by the API key: for now only the tenant that owns what the caller
 * creates (sessions). gRPC calls carry it in their {@link Context} (see {@link #current()}).
 */
public record Principal(String tenant) {
    /** The tenant of {@code auth.api_key}, the one shared key. */
    public static final String DEFAULT_TENANT = "default";

    /** Where the gRPC auth interceptor puts the caller's principal. */
    public static final Context.Key<Principal> CONTEXT_KEY = Context.key("slipstream-principal");

    public Principal {
        requireNonNull(tenant, "tenant");
    }

    /**
     * The principal of the gRPC call being served.
     *
     * @throws IllegalStateException outside an authenticated call (a wiring error, never the caller's)
     */
    public static Principal current() {
        @Nullable
        final Principal principal = CONTEXT_KEY.get();
        if (principal == null) {
            throw new IllegalStateException("no principal in the gRPC context (is GrpcAuthInterceptor installed?)");
        }
        return principal;
    }
}
