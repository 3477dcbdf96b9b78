package dev.slipstream.gateway.ratelimit;

import java.util.List;
import java.util.Map;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;

import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.GenerationOptions;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.gateway.config.ApiKeyConfig;
import dev.slipstream.gateway.config.AuthConfig;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.config.RateLimitConfig;
import dev.slipstream.gateway.config.TenantConfig;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** Gateways with rate-limited keys, and the calls and checks the rate-limit tests share. */
final class LimitedGateways {
    /** The prompt of {@link #request(int)}: one user message, 7 tokens with the chat framing. */
    static final String PROMPT = "hi";
    static final int PROMPT_TOKENS = 7;

    private LimitedGateways() {}

    /** The embedded default with {@code keys} and {@code tenants}. */
    static GatewayConfig config(List<ApiKeyConfig> keys, List<TenantConfig> tenants) {
        return EmbeddedConfig.create(Map.of()).withAuth(new AuthConfig(null, keys)).withTenants(tenants);
    }

    static ApiKeyConfig key(String id, String key, String tenant, RateLimitConfig limits) {
        return new ApiKeyConfig(id, key, null, tenant, null, null, null, limits, null, null, null, null);
    }

    static RateLimitConfig limits(long requestsPerMinute, long tokensPerMinute, long burstPerSecond) {
        return new RateLimitConfig(requestsPerMinute, tokensPerMinute, burstPerSecond);
    }

    /** A request to the local model whose token estimate is {@link #PROMPT_TOKENS} + {@code maxOutputTokens}. */
    static CompleteRequest request(int maxOutputTokens) {
        return CompleteRequest.newBuilder()
                              .setModel("local")
                              .addMessages(Message.newBuilder().setRole(Role.ROLE_USER).setContent(PROMPT))
                              .setOptions(GenerationOptions.newBuilder().setMaxOutputTokens(maxOutputTokens))
                              .build();
    }

    static AggregatedHttpResponse postChat(RunningGateway gateway, String key, int maxTokens, boolean stream) {
        return BlockingWebClient.of(gateway.httpUri()).execute(
                RequestHeaders.builder(HttpMethod.POST, "/v1/chat/completions")
                              .contentType(MediaType.JSON_UTF_8)
                              .set("authorization", "Bearer " + key)
                              .build(),
                "{\"model\": \"local\", \"max_tokens\": " + maxTokens + ", \"stream\": " + stream +
                (stream ? ", \"stream_options\": {\"include_usage\": true}" : "") +
                ", \"messages\": [{\"role\": \"user\", \"content\": \"" + PROMPT + "\"}]}");
    }

    static ErrorInfo errorInfo(StatusRuntimeException e) {
        return detail(e, ErrorInfo.class);
    }

    static RetryInfo retryInfo(StatusRuntimeException e) {
        return detail(e, RetryInfo.class);
    }

    private static <T extends com.google.protobuf.Message> T detail(StatusRuntimeException e, Class<T> type) {
        for (com.google.protobuf.Any any : StatusProto.fromThrowable(e).getDetailsList()) {
            if (any.is(type)) {
                try {
                    return any.unpack(type);
                } catch (InvalidProtocolBufferException ex) {
                    throw new AssertionError(ex);
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + e);
    }
}
