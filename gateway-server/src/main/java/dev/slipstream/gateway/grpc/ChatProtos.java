package dev.slipstream.gateway.grpc;

import java.util.ArrayList;
import java.util.List;

import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.CompleteResponse;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.RouteAttemptOutcome;
import dev.slipstream.api.gateway.v1.StreamCompleteResponse;
import dev.slipstream.api.gateway.v1.Usage;
import dev.slipstream.gateway.chat.CacheMode;
import dev.slipstream.gateway.chat.ChatCompletion;
import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.ChatRequest;
import dev.slipstream.gateway.chat.FinishReason;
import dev.slipstream.gateway.chat.GenerationOptions;
import dev.slipstream.gateway.chat.ResponseFormat;
import dev.slipstream.gateway.chat.TokenUsage;
import dev.slipstream.gateway.error.FieldViolation;
import dev.slipstream.gateway.error.GatewayException;
import dev.slipstream.gateway.routing.RouteAttempt;

/** Maps between the {@code slipstream.gateway.v1} protos and the chat domain. */
final class ChatProtos {
    private static final long NANOS_PER_MILLI = 1_000_000;

    private ChatProtos() {}

    /** Throws INVALID_ARGUMENT for values the domain cannot represent (an unset role or format). */
    static ChatRequest toChatRequest(CompleteRequest proto) {
        final List<FieldViolation> violations = new ArrayList<>();
        final List<ChatMessage> messages = MessageProtos.toChatMessages(proto.getMessagesList(), violations);
        final var options = proto.getOptions();
        final ResponseFormat format = switch (options.getResponseFormat()) {
            case RESPONSE_FORMAT_UNSPECIFIED, RESPONSE_FORMAT_TEXT -> ResponseFormat.TEXT;
            case RESPONSE_FORMAT_JSON -> ResponseFormat.JSON;
            default -> null;
        };
        if (format == null) {
            violations.add(new FieldViolation("options.response_format", options.getResponseFormatValue() +
                                              " (expected: RESPONSE_FORMAT_TEXT or RESPONSE_FORMAT_JSON)"));
        }
        final CacheMode cacheMode = switch (options.getCache()) {
            case CACHE_MODE_UNSPECIFIED -> CacheMode.DETERMINISTIC;
            case CACHE_MODE_ENABLED -> CacheMode.ENABLED;
            case CACHE_MODE_BYPASS -> CacheMode.BYPASS;
            default -> null;
        };
        if (cacheMode == null) {
            violations.add(new FieldViolation("options.cache", options.getCacheValue() +
                                              " (expected: CACHE_MODE_UNSPECIFIED, CACHE_MODE_ENABLED or " +
                                              "CACHE_MODE_BYPASS)"));
        }
        if (!violations.isEmpty()) {
            throw GatewayException.invalid(violations);
        }
        final GenerationOptions generation = new GenerationOptions(
                options.hasTemperature() ? options.getTemperature() : null,
                options.hasTopP() ? options.getTopP() : null,
                options.hasMaxOutputTokens() ? options.getMaxOutputTokens() : null,
                options.getStopSequencesList(), format);
        return new ChatRequest(proto.getModel(), messages, generation, proto.getRequestId(),
                               proto.getMetadataMap(), cacheMode);
    }

    static CompleteResponse toCompleteResponse(ChatCompletion completion) {
        return CompleteResponse.newBuilder()
                               .setId(completion.id())
                               .setRequestId(completion.requestId())
                               .setMessage(Message.newBuilder()
                                                  .setRole(dev.slipstream.api.gateway.v1.Role.ROLE_ASSISTANT)
                                                  .setContent(completion.content()))
                               .setFinishReason(toProto(completion.finishReason()))
                               .setUsage(toProto(completion.usage()))
                               .setCostMicrosUsd(completion.costMicrosUsd())
                               .setProvider(completion.provider())
                               .setProviderModel(completion.providerModel())
                               .setGatewayLatencyMs(completion.gatewayLatencyNanos() / NANOS_PER_MILLI)
                               .setUpstreamLatencyMs(completion.upstreamLatencyNanos() / NANOS_PER_MILLI)
                               .addAllRouteAttempts(toProto(completion.routeAttempts()))
                               .setFallback(completion.fallback())
                               .setCacheHit(completion.cacheHit())
                               .build();
    }

    static StreamCompleteResponse delta(String id, String text) {
        return StreamCompleteResponse.newBuilder().setId(id).setContentDelta(text).build();
    }

    static StreamCompleteResponse streamEnd(String id, ChatCompletion completion, long timeToFirstTokenNanos) {
        return StreamCompleteResponse.newBuilder()
                                     .setId(id)
                                     .setRequestId(completion.requestId())
                                     .setFinishReason(toProto(completion.finishReason()))
                                     .setUsage(toProto(completion.usage()))
                                     .setCostMicrosUsd(completion.costMicrosUsd())
                                     .setProvider(completion.provider())
                                     .setProviderModel(completion.providerModel())
                                     .setGatewayLatencyMs(completion.gatewayLatencyNanos() / NANOS_PER_MILLI)
                                     .setUpstreamLatencyMs(completion.upstreamLatencyNanos() / NANOS_PER_MILLI)
                                     .setTimeToFirstTokenMs(timeToFirstTokenNanos / NANOS_PER_MILLI)
                                     .addAllRouteAttempts(toProto(completion.routeAttempts()))
                                     .setFallback(completion.fallback())
                                     .setCacheHit(completion.cacheHit())
                                     .build();
    }

    private static List<dev.slipstream.api.gateway.v1.RouteAttempt> toProto(List<RouteAttempt> attempts) {
        final List<dev.slipstream.api.gateway.v1.RouteAttempt> protos = new ArrayList<>(attempts.size());
        for (RouteAttempt attempt : attempts) {
            protos.add(dev.slipstream.api.gateway.v1.RouteAttempt.newBuilder()
                                                                 .setTarget(attempt.target())
                                                                 .setOutcome(toProto(attempt.outcome()))
                                                                 .setReason(attempt.reason())
                                                                 .setLatencyMs(attempt.latencyNanos() /
                                                                               NANOS_PER_MILLI)
                                                                 .setUpstreamStatus(attempt.upstreamStatus())
                                                                 .build());
        }
        return protos;
    }

    private static RouteAttemptOutcome toProto(RouteAttempt.Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> RouteAttemptOutcome.ROUTE_ATTEMPT_OUTCOME_SUCCEEDED;
            case FAILED -> RouteAttemptOutcome.ROUTE_ATTEMPT_OUTCOME_FAILED;
            case BREAKER_OPEN -> RouteAttemptOutcome.ROUTE_ATTEMPT_OUTCOME_BREAKER_OPEN;
            case BULKHEAD_FULL -> RouteAttemptOutcome.ROUTE_ATTEMPT_OUTCOME_BULKHEAD_FULL;
        };
    }

    static Usage toProto(TokenUsage usage) {
        return Usage.newBuilder()
                    .setInputTokens(usage.inputTokens())
                    .setOutputTokens(usage.outputTokens())
                    .setTotalTokens(usage.totalTokens())
                    .setCachedInputTokens(usage.cachedInputTokens())
                    .build();
    }

    private static dev.slipstream.api.gateway.v1.FinishReason toProto(FinishReason reason) {
        return switch (reason) {
            case STOP -> dev.slipstream.api.gateway.v1.FinishReason.FINISH_REASON_STOP;
            case LENGTH -> dev.slipstream.api.gateway.v1.FinishReason.FINISH_REASON_LENGTH;
            case CONTENT_FILTER -> dev.slipstream.api.gateway.v1.FinishReason.FINISH_REASON_CONTENT_FILTER;
            case TOOL_CALLS -> dev.slipstream.api.gateway.v1.FinishReason.FINISH_REASON_TOOL_CALLS;
            case OTHER -> dev.slipstream.api.gateway.v1.FinishReason.FINISH_REASON_OTHER;
        };
    }
}
