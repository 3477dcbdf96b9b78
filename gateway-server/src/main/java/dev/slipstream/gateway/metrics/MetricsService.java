package dev.slipstream.gateway.metrics;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;

/** {@code GET /metrics}: every series of the registry in the Prometheus text format (0.0.4). */
public final class MetricsService implements HttpService {
    private static final MediaType TEXT_FORMAT = MediaType.parse(TextFormat.CONTENT_TYPE_004);

    private final CollectorRegistry registry;

    public MetricsService(CollectorRegistry registry) {
        this.registry = requireNonNull(registry, "registry");
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        final StringWriter text = new StringWriter();
        try {
            TextFormat.write004(text, registry.metricFamilySamples());
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return HttpResponse.of(HttpStatus.OK, TEXT_FORMAT, text.toString());
    }
}
