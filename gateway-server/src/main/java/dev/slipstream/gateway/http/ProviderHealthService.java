package dev.slipstream.gateway.http;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.ServerBuilder;

import dev.slipstream.gateway.admin.ProviderHealthReport;
import dev.slipstream.gateway.auth.ApiKeyVerifier;
import dev.slipstream.gateway.auth.Scope;
import dev.slipstream.gateway.cache.ResponseCache;
import dev.slipstream.gateway.routing.Router;

/**
 * {@code GET /admin/providers}: {@code AdminService.ListProviderHealth}'s report (every route target's
 * breaker state, failure and slow-call rates, latency and calls in flight, and the response cache's
 * counters) as JSON with the proto's field names, behind an admin key.
 */
public final class ProviderHealthService {
    static final String PATH = "/admin/providers";

    private static final JsonFormat.Printer JSON = JsonFormat.printer().preservingProtoFieldNames()
                                                             .alwaysPrintFieldsWithNoPresence();

    private ProviderHealthService() {}

    public static void mount(ServerBuilder sb, Router router, ResponseCache cache, ApiKeyVerifier verifier) {
        sb.route().get(PATH)
          .decorator(HttpApiKeyAuth.newDecorator(verifier, Scope.ADMIN, "GET /admin/providers"))
          .build((ctx, req) -> HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8,
                                               json(router, cache)));
    }

    private static String json(Router router, ResponseCache cache) {
        try {
            return JSON.print(ProviderHealthReport.of(router, cache));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a report without Any fields always prints", e);
        }
    }
}
