package dev.slipstream.gateway.ratelimit;

import static dev.slipstream.gateway.ratelimit.LimitedGateways.config;
import static dev.slipstream.gateway.ratelimit.LimitedGateways.errorInfo;
import static dev.slipstream.gateway.ratelimit.LimitedGateways.key;
import static dev.slipstream.gateway.ratelimit.LimitedGateways.limits;
import static dev.slipstream.gateway.ratelimit.LimitedGateways.postChat;
import static dev.slipstream.gateway.ratelimit.LimitedGateways.request;
import static dev.slipstream.gateway.ratelimit.LimitedGateways.retryInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.ClientRequestContext;
import com.linecorp.armeria.client.ClientRequestContextCaptor;
import com.linecorp.armeria.client.Clients;
import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;

import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import dev.slipstream.api.gateway.v1.CompleteResponse;
import dev.slipstream.gateway.config.PolicyConfig;
import dev.slipstream.gateway.config.RateLimitConfig;
import dev.slipstream.gateway.config.TenantConfig;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Rate limits of one gateway (local buckets): requests, burst, tokens settled to real usage, tenants. */
class LocalRateLimitTest {
    private static final String FIVE_PER_MINUTE = "five-per-minute-0123456789";
    private static final int ESTIMATED_OUTPUT_TOKENS = 100;
    private static final String UNBOUNDED_REPLIES = "unbounded-replies-0123456789";
    private static final String TWENTY_PER_MINUTE = "twenty-per-minute-0123456789";
    private static final String BURST_OF_TWO = "burst-of-two-0123456789";
    private static final String THOUSAND_TOKENS = "thousand-tokens-0123456789";
    private static final String TENANT_KEY_A = "tenant-key-a-0123456789";
    private static final String TENANT_KEY_B = "tenant-key-b-0123456789";

    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(config(
                List.of(key("five", FIVE_PER_MINUTE, "t1", limits(5, 0, 0)),
                        key("twenty", TWENTY_PER_MINUTE, "t4", limits(20, 0, 0)),
                        key("unbounded", UNBOUNDED_REPLIES, "t5", limits(0, 1000, 0)),
                        key("burst", BURST_OF_TWO, "t2", limits(0, 0, 2)),
                        key("tokens", THOUSAND_TOKENS, "t3", limits(0, 1000, 0)),
                        key("a", TENANT_KEY_A, "shared", RateLimitConfig.NONE),
                        key("b", TENANT_KEY_B, "shared", RateLimitConfig.NONE)),
                List.of(new TenantConfig("shared", limits(3, 0, 0), null)))
                .withPolicy(new PolicyConfig(ESTIMATED_OUTPUT_TOKENS, null)));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void requestsPerMinuteAdmitExactlyTheLimitThenRefuseWithRetryInfo() {
        final ChatServiceBlockingStub chat = gateway.grpcClient(FIVE_PER_MINUTE).build(ChatServiceBlockingStub.class);
        for (int i = 0; i < 5; i++) {
            chat.complete(request(8));
        }

        final StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                                                              () -> chat.complete(request(8)));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(errorInfo(e).getReason()).isEqualTo("RATE_LIMITED");
        assertThat(errorInfo(e).getMetadataMap()).containsEntry("limit", "requests");
        // A per-minute window refills within a minute.
        assertThat(retryInfo(e).getRetryDelay().getSeconds()).isBetween(0L, 60L);
        assertThat(e.getStatus().getDescription()).contains("the key of API key 'five' is over its requests limit");

        final AggregatedHttpResponse http = postChat(gateway, FIVE_PER_MINUTE, 8, false);
        assertThat(http.status().code()).isEqualTo(429);
        assertThat(Long.parseLong(http.headers().get("retry-after"))).isBetween(1L, 60L);
        assertThat(http.contentUtf8()).contains("\"code\":\"rate_limited\"");
    }

    @Test
    void grpcResponseHeadersTellTheRemainingQuota() {
        final ChatServiceBlockingStub chat = gateway.grpcClient(TWENTY_PER_MINUTE)
                                                    .build(ChatServiceBlockingStub.class);
        for (long remaining = 19; remaining >= 17; remaining--) {
            final ClientRequestContext ctx;
            try (ClientRequestContextCaptor captor = Clients.newContextCaptor()) {
                chat.complete(request(8));
                ctx = captor.get();
            }
            assertThat(ctx.log().whenComplete().join().responseHeaders().get("x-ratelimit-remaining-requests"))
                    .isEqualTo(String.valueOf(remaining));
        }
    }

    @Test
    void burstPerSecondLimitsRequestsInOneSecond() {
        final ChatServiceBlockingStub chat = gateway.grpcClient(BURST_OF_TWO).build(ChatServiceBlockingStub.class);
        chat.complete(request(8));
        chat.complete(request(8));

        final StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                                                              () -> chat.complete(request(8)));

        assertThat(errorInfo(e).getReason()).isEqualTo("RATE_LIMITED");
        assertThat(retryInfo(e).getRetryDelay().getSeconds()).isZero();
    }

    @Test
    void tokensAreEstimatedAtAdmissionAndSettledToRealUsageAlsoForStreams() throws Exception {
        final int maxTokens = 400;
        final long estimate = LimitedGateways.PROMPT_TOKENS + maxTokens;

        final AggregatedHttpResponse first = postChat(gateway, THOUSAND_TOKENS, maxTokens, false);
        assertThat(first.status().code()).isEqualTo(200);
        assertThat(remainingTokens(first)).as("what is left once the estimate is taken").isEqualTo(1000 - estimate);
        final long firstTokens = new ObjectMapper().readTree(first.contentUtf8()).path("usage")
                                                   .path("total_tokens").asLong();

        final AggregatedHttpResponse streamed = postChat(gateway, THOUSAND_TOKENS, maxTokens, true);
        assertThat(streamed.status().code()).isEqualTo(200);
        assertThat(remainingTokens(streamed)).as("the first call settled to its real usage")
                                             .isEqualTo(1000 - firstTokens - estimate);
        final long streamedTokens = streamUsage(streamed.contentUtf8()).path("total_tokens").asLong();

        final AggregatedHttpResponse third = postChat(gateway, THOUSAND_TOKENS, maxTokens, false);
        assertThat(third.status().code()).as("the stream settled at its end too, so a third estimate fits")
                                         .isEqualTo(200);
        assertThat(remainingTokens(third)).isEqualTo(1000 - firstTokens - streamedTokens - estimate);

        final AggregatedHttpResponse refused = postChat(gateway, THOUSAND_TOKENS, 990, false);
        assertThat(refused.status().code()).isEqualTo(429);
        assertThat(refused.contentUtf8()).contains("over its tokens limit (asked for " + (7 + 990) + ';');
    }

    @Test
    void aRequestWithoutAnOutputLimitIsEstimatedWithTheConfiguredReplyLength() {
        final AggregatedHttpResponse response = BlockingWebClient.of(gateway.httpUri()).execute(
                RequestHeaders.builder(HttpMethod.POST, "/v1/chat/completions")
                              .contentType(MediaType.JSON_UTF_8)
                              .set("authorization", "Bearer " + UNBOUNDED_REPLIES).build(),
                "{\"model\": \"local\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");

        assertThat(remainingTokens(response))
                .isEqualTo(1000 - LimitedGateways.PROMPT_TOKENS - ESTIMATED_OUTPUT_TOKENS);
    }

    @Test
    void aTenantCeilingHoldsAcrossItsKeys() {
        final ChatServiceBlockingStub a = gateway.grpcClient(TENANT_KEY_A).build(ChatServiceBlockingStub.class);
        final ChatServiceBlockingStub b = gateway.grpcClient(TENANT_KEY_B).build(ChatServiceBlockingStub.class);
        final List<CompleteResponse> served = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            try {
                served.add((i % 2 == 0 ? a : b).complete(request(8)));
            } catch (StatusRuntimeException e) {
                assertThat(e.getStatus().getDescription()).contains("the tenant of API key");
                refused++;
            }
        }

        assertThat(served).hasSize(3);
        assertThat(refused).isEqualTo(3);
    }

    private static long remainingTokens(AggregatedHttpResponse response) {
        return Long.parseLong(response.headers().get("x-ratelimit-remaining-tokens"));
    }

    private static JsonNode streamUsage(String events) throws Exception {
        JsonNode usage = null;
        for (String line : events.split("\n")) {
            if (line.startsWith("data: {")) {
                final JsonNode event = new ObjectMapper().readTree(line.substring("data: ".length()));
                if (event.has("usage") && !event.get("usage").isNull()) {
                    usage = event.get("usage");
                }
            }
        }
        assertThat(usage).as("a usage chunk").isNotNull();
        return usage;
    }
}
