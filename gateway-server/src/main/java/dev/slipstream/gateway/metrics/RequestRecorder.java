package dev.slipstream.gateway.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.chat.ChatCompletion;
import dev.slipstream.gateway.chat.ChatObserver;
import dev.slipstream.gateway.chat.ChatRequest;
import dev.slipstream.gateway.chat.ResolvedModel;
import dev.slipstream.gateway.config.ModelConfig;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;
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

    public RequestRecorder(CollectorRegistry registry, List<ModelConfig> models) {
        metrics = new GatewayMetrics(requireNonNull(registry, "registry"));
        aliases = Set.copyOf(models.stream().map(ModelConfig::alias).toList());
    }

    @Override
    public Call start(Principal caller, ChatRequest request) {
        metrics.inFlight.inc();
        return new RecordedCall(caller, request, System.nanoTime());
    }

    /** A model label of bounded cardinality: an alias as it is, anything else by its provider only. */
    private String modelLabel(@Nullable ResolvedModel target) {
        if (target == null) {
            return UNRESOLVED;
        }
        return aliases.contains(target.name()) ? target.name() : target.provider().name() + "/*";
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
        public void succeeded(ResolvedModel target, ChatCompletion completion, long timeToFirstTokenNanos) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            metrics.inFlight.dec();
            final String model = modelLabel(target);
            final String provider = target.provider().name();
            metrics.requests.labels(caller.keyId(), model, provider, OK).inc();
            metrics.gatewayOverhead.labels(provider).observe(completion.gatewayLatencyNanos() / NANOS_PER_SECOND);
            metrics.upstreamLatency.labels(provider).observe(completion.upstreamLatencyNanos() / NANOS_PER_SECOND);
            if (timeToFirstTokenNanos >= 0) {
                metrics.timeToFirstToken.labels(provider).observe(timeToFirstTokenNanos / NANOS_PER_SECOND);
            }
            metrics.tokens.labels(caller.keyId(), model, "input").inc(completion.usage().inputTokens());
            metrics.tokens.labels(caller.keyId(), model, "output").inc(completion.usage().outputTokens());
            metrics.cost.labels(caller.keyId(), model).inc(completion.costMicrosUsd());
            final ObjectNode line = line(target, OK);
            line.put("completion_id", completion.id());
            line.put("provider_model", completion.providerModel());
            line.put("input_tokens", completion.usage().inputTokens());
            line.put("cached_input_tokens", completion.usage().cachedInputTokens());
            line.put("output_tokens", completion.usage().outputTokens());
            line.put("cost_micros_usd", completion.costMicrosUsd());
            line.put("upstream_ms", completion.upstreamLatencyNanos() / 1_000_000);
            if (timeToFirstTokenNanos >= 0) {
                line.put("time_to_first_token_ms", timeToFirstTokenNanos / 1_000_000);
            }
            requestLog.info("{}", line);
        }

        @Override
        public void failed(@Nullable ResolvedModel target, Throwable cause) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            metrics.inFlight.dec();
            final String outcome = outcome(cause);
            metrics.requests.labels(caller.keyId(), modelLabel(target),
                                    target == null ? UNRESOLVED : target.provider().name(), outcome).inc();
            if (outcome.equals("rate_limited") || outcome.equals("budget_exceeded")) {
                metrics.rejections.labels(caller.keyId(), outcome).inc();
            }
            requestLog.info("{}", line(target, outcome));
        }

        private ObjectNode line(@Nullable ResolvedModel target, String outcome) {
            final ObjectNode line = JsonNodeFactory.instance.objectNode();
            line.put("request_id", request.requestId());
            line.put("key_id", caller.keyId());
            line.put("tenant", caller.tenant());
            // The requested name as the gateway resolved it; an unresolved one is the caller's own string.
            line.put("model", target == null ? request.model() : target.name());
            line.put("provider", target == null ? null : target.provider().name());
            line.put("outcome", outcome);
            line.put("latency_ms", (System.nanoTime() - startNanos) / 1_000_000);
            return line;
        }
    }
}
