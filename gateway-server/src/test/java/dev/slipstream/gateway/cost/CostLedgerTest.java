package dev.slipstream.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.slipstream.api.gateway.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.GetUsageRequest;
import dev.slipstream.api.gateway.v1.GetUsageResponse;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.api.gateway.v1.StreamCompleteRequest;
import dev.slipstream.api.gateway.v1.StreamCompleteResponse;
import dev.slipstream.api.gateway.v1.UsageGrouping;
import dev.slipstream.api.gateway.v1.UsageRow;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.config.ModelConfig;
import dev.slipstream.gateway.config.PriceConfig;
import dev.slipstream.gateway.config.ProviderConfig;
import dev.slipstream.gateway.provider.fake.FakeAnthropic;
import dev.slipstream.gateway.provider.fake.FakeGemini;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.provider.fake.FakeProvider;
import dev.slipstream.gateway.testing.RunningGateway;

/**
 * The cost of real provider calls (fakes that speak each provider's wire format and report its usage
 * shape), unary and streamed, and the ledger behind AdminService.GetUsage, which must equal the sum of the
 * costs on the responses to the micro-dollar.
 */
class CostLedgerTest {
    private static final int UNCACHED = FakeProvider.PROMPT_TOKENS - FakeProvider.CACHED_PROMPT_TOKENS;
    private static final int CACHED = FakeProvider.CACHED_PROMPT_TOKENS;
    private static final int WRITTEN = FakeAnthropic.CACHE_WRITE_TOKENS;
    private static final int OUTPUT = FakeProvider.COMPLETION_TOKENS;

    private static FakeProvider openAi;
    private static FakeProvider anthropic;
    private static FakeProvider gemini;
    private static RunningGateway gateway;
    private static long costsOnResponses;

    @BeforeAll
    static void start() {
        openAi = new FakeOpenAi();
        anthropic = new FakeAnthropic();
        gemini = new FakeGemini();
        final GatewayConfig embedded = EmbeddedConfig.create(Map.of());
        gateway = RunningGateway.start(
                embedded.withProviders(List.of(embedded.providers().get(0),
                                               provider("openai", openAi.url("/v1")),
                                               provider("anthropic", anthropic.url("/v1")),
                                               provider("gemini", gemini.url("/v1beta"))))
                        .withModels(List.of(embedded.models().get(0),
                                            new ModelConfig("gpt", "openai", "gpt-4o", null),
                                            new ModelConfig("claude", "anthropic", "claude-sonnet-4-5", null),
                                            new ModelConfig("gemini", "gemini", "gemini-2.5-flash", null)))
                        .withPricing(List.of(price("gpt", 2_500_000, 1_250_000, null, 10_000_000),
                                             price("claude", 3_000_000, 300_000, 3_750_000L, 15_000_000),
                                             price("gemini", 300_000, 75_000, null, 2_500_000))));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        openAi.stop().join();
        anthropic.stop().join();
        gemini.stop().join();
    }

    static Stream<Arguments> calls() {
        // Micro-dollars per token are the prices per million divided by a million.
        final double openAiCost = UNCACHED * 2.5 + CACHED * 1.25 + OUTPUT * 10.0;
        final double anthropicCost = (UNCACHED - WRITTEN) * 3.0 + CACHED * 0.3 + WRITTEN * 3.75 + OUTPUT * 15.0;
        final double geminiCost = UNCACHED * 0.3 + CACHED * 0.075 + OUTPUT * 2.5;
        return Stream.of(
                Arguments.of(Named.of("OpenAI, cached_tokens inside prompt_tokens", "gpt"), false, openAiCost),
                Arguments.of(Named.of("OpenAI streamed, usage in the last chunk", "gpt"), true, openAiCost),
                Arguments.of(Named.of("Anthropic, cache reads and writes outside input_tokens", "claude"), false,
                             anthropicCost),
                Arguments.of(Named.of("Anthropic streamed", "claude"), true, anthropicCost),
                Arguments.of(Named.of("Gemini, thoughts outside candidates", "gemini"), false, geminiCost),
                Arguments.of(Named.of("Gemini streamed", "gemini"), true, geminiCost));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void everyResponseCarriesItsCost(String model, boolean stream, double exactMicrosUsd) {
        final long cost = stream ? streamCost(model) : chat().complete(request(model)).getCostMicrosUsd();

        assertThat(cost).isEqualTo(Math.round(exactMicrosUsd));
        synchronized (CostLedgerTest.class) {
            costsOnResponses += cost;
        }
    }

    @Test
    void theLedgerEqualsTheSumOfTheCostsOnTheResponses() {
        // Whatever ran before in this class is in both the ledger and costsOnResponses.
        for (String model : List.of("gpt", "claude", "gemini")) {
            costsOnResponses += chat().complete(request(model)).getCostMicrosUsd();
            costsOnResponses += streamCost(model);
        }
        final String today = LocalDate.now(ZoneOffset.UTC).toString();
        final AdminServiceBlockingStub admin = gateway.grpcClient().build(AdminServiceBlockingStub.class);

        final GetUsageResponse total = admin.getUsage(
                GetUsageRequest.newBuilder().setStartDay(today).setEndDay(today).build());
        final GetUsageResponse byModel = admin.getUsage(
                GetUsageRequest.newBuilder().setStartDay(today).setEndDay(today)
                               .addGroupBy(UsageGrouping.USAGE_GROUPING_MODEL)
                               .addGroupBy(UsageGrouping.USAGE_GROUPING_KEY).build());

        assertThat(total.getTotalCostMicrosUsd()).isEqualTo(costsOnResponses);
        assertThat(total.getRowsList()).singleElement()
                                       .satisfies(row -> assertThat(row.getCostMicrosUsd()).isEqualTo(costsOnResponses));
        assertThat(byModel.getRowsList()).extracting(UsageRow::getModel).containsExactly("claude", "gemini", "gpt");
        assertThat(byModel.getRowsList()).allSatisfy(row -> assertThat(row.getKeyId()).isEqualTo("default"));
        assertThat(byModel.getRowsList().stream().mapToLong(UsageRow::getCostMicrosUsd).sum())
                .isEqualTo(costsOnResponses);
        assertThat(byModel.getRowsList()).allSatisfy(row -> assertThat(row.getOutputTokens())
                .isEqualTo(row.getRequests() * OUTPUT));
    }

    private static long streamCost(String model) {
        final Iterator<StreamCompleteResponse> chunks = chat().streamComplete(
                StreamCompleteRequest.newBuilder().setModel(model).addMessages(user()).build());
        StreamCompleteResponse last = null;
        while (chunks.hasNext()) {
            last = chunks.next();
        }
        return last.getCostMicrosUsd();
    }

    private static ChatServiceBlockingStub chat() {
        return gateway.chat();
    }

    private static CompleteRequest request(String model) {
        return CompleteRequest.newBuilder().setModel(model).addMessages(user()).build();
    }

    private static Message user() {
        return Message.newBuilder().setRole(Role.ROLE_USER).setContent("What is TWAP?").build();
    }

    private static ProviderConfig provider(String kind, String baseUrl) {
        return new ProviderConfig(kind, kind, baseUrl, "provider-key-0123456789", null, null, null, null);
    }

    private static PriceConfig price(String model, long input, long cachedInput, Long cacheWrite, long output) {
        return new PriceConfig(model, input, cachedInput, cacheWrite, output, null);
    }
}
