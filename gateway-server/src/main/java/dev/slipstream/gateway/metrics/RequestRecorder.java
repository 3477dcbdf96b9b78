package dev.slipstream.gateway.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.chat.ChatCompletion;
import dev.slipstream.gateway.chat.ChatObserver;
import dev.slipstream.gateway.chat.ChatRequest;
import dev.slipstream.gateway.chat.TokenUsage;
import dev.slipstream.gateway.config.ModelConfig;
import dev.slipstream.gateway.config.RouteConfig;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;
import dev.slipstream.gateway.routing.Route;
import io.prometheus.client.CollectorRegistry;

/**
 * Records every chat call: the Prometheus series of {@link GatewayMetrics}, and one JSON log line (logger
 * {@code slipstream.requests}) with request id, key id, tenant, model, provider, tokens, cost, latency and
 * outcome. Never the API key.
 */
public final class RequestRecorder implements ChatObserver {
    private static final Logger requestLog = LoggerFactory.getLogger("slipstream.requests");
    private static final String OK = "ok";
    private static final String CANCELLED = "cancelled";
    private static final String UNRESOLVED = "unresolved";
    private static final double NANOS_PER_SECOND = 1e9;

    private final GatewayMetrics metrics;
    private final Set<String> aliases;

    public RequestRecorder(CollectorRegistry registry, List<ModelConfig> models, List<RouteConfig> routes) {
        metrics = new GatewayMetrics(requireNonNull(registry, "registry"));
        aliases = Stream.concat(models.stream().map(ModelConfig::alias), routes.stream().map(RouteConfig::alias))
                        .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Call start(Principal caller, ChatRequest request) {
        metrics.inFlight.inc();
        return new RecordedCall(caller, request, System.nanoTime());
    }

    /**
     * A model label of bounded cardinality: a configured alias or route as it is, anything else by its
     * provider only.
     */
    private String modelLabel(@Nullable Route route) {
        if (route == null) {
            return UNRESOLVED;
        }
        return aliases.contains(route.name()) ? route.name() : route.firstProvider() + "/*";
    }

    private static String outcome(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CancellationException) {
            return CANCELLED;
        }
        final ErrorReason reason = cause instanceof GatewayException e ? e.reason() : ErrorReason.INTERNAL;
        return reason.name().toLowerCase(Locale.ROOT);
    }

    private final class RecordedCall implements Call {
        private final Principal caller;
        private final ChatRequest request;
        private final long startNanos;
        private final AtomicBoolean ended = new AtomicBoolean();

        RecordedCall(Principal caller, ChatRequest request, long startNanos) {
            this.caller = caller;
            this.request = request;
            this.startNanos = startNanos;
        }

        @Override
        public void succeeded(Route route, ChatCompletion completion, long timeToFirstTokenNanos) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            // The provider that answered, which a fallback or the cache may make another than the first one's.
            final String provider = completion.provider();
            final ObjectNode line = charged(route, provider, OK, completion.usage(), completion.costMicrosUsd());
            metrics.gatewayOverhead.labels(provider).observe(completion.gatewayLatencyNanos() / NANOS_PER_SECOND);
            metrics.upstreamLatency.labels(provider).observe(completion.upstreamLatencyNanos() / NANOS_PER_SECOND);
            if (timeToFirstTokenNanos >= 0) {
                metrics.timeToFirstToken.labels(provider).observe(timeToFirstTokenNanos / NANOS_PER_SECOND);
            }
            line.put("completion_id", completion.id());
            line.put("provider_model", completion.providerModel());
            line.put("cached_input_tokens", completion.usage().cachedInputTokens());
            line.put("upstream_ms", completion.upstreamLatencyNanos() / 1_000_000);
            line.put("route_attempts", completion.routeAttempts().size());
            line.put("fallback", completion.fallback());
            line.put("cache_hit", completion.cacheHit());
            if (timeToFirstTokenNanos >= 0) {
                line.put("time_to_first_token_ms", timeToFirstTokenNanos / 1_000_000);
            }
            requestLog.info("{}", line);
        }

        @Override
        public void cacheHit(Route route, long savedCostMicrosUsd) {
            final String model = modelLabel(route);
            metrics.cacheHits.labels(model).inc();
            metrics.cacheSavedCost.labels(model).inc(savedCostMicrosUsd);
        }

        @Override
        public void cancelled(Route route, TokenUsage usage, long costMicrosUsd) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            requestLog.info("{}", charged(route, route.firstProvider(), CANCELLED, usage, costMicrosUsd));
        }

        /** Counts a call that was charged: its request, tokens and cost; returns its log line so far. */
        private ObjectNode charged(Route route, String provider, String outcome, TokenUsage usage,
                                   long costMicrosUsd) {
            metrics.inFlight.dec();
            final String model = modelLabel(route);
            metrics.requests.labels(caller.keyId(), model, provider, outcome).inc();
            metrics.tokens.labels(caller.keyId(), model, "input").inc(usage.inputTokens());
            metrics.tokens.labels(caller.keyId(), model, "output").inc(usage.outputTokens());
            metrics.cost.labels(caller.keyId(), model).inc(costMicrosUsd);
            final ObjectNode line = line(route, provider, outcome);
            line.put("input_tokens", usage.inputTokens());
            line.put("output_tokens", usage.outputTokens());
            line.put("cost_micros_usd", costMicrosUsd);
            return line;
        }

        @Override
        public void failed(@Nullable Route route, Throwable cause) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            metrics.inFlight.dec();
            final String outcome = outcome(cause);
            // No target answered: the route's first provider stands for it, keeping the label bounded.
            final String provider = route == null ? UNRESOLVED : route.firstProvider();
            metrics.requests.labels(caller.keyId(), modelLabel(route), provider, outcome).inc();
            if (outcome.equals("rate_limited") || outcome.equals("budget_exceeded")) {
                metrics.rejections.labels(caller.keyId(), outcome).inc();
            }
            requestLog.info("{}", line(route, route == null ? null : provider, outcome));
        }

        private ObjectNode line(@Nullable Route route, @Nullable String provider, String outcome) {
            final ObjectNode line = JsonNodeFactory.instance.objectNode();
            line.put("request_id", request.requestId());
            line.put("key_id", caller.keyId());
            line.put("tenant", caller.tenant());
            // The requested name as the gateway resolved it; an unresolved one is the caller's own string.
            line.put("model", route == null ? request.model() : route.name());
            line.put("provider", provider);
            line.put("outcome", outcome);
            line.put("latency_ms", (System.nanoTime() - startNanos) / 1_000_000);
            return line;
        }
    }
}
