package dev.slipstream.gateway.routing;

import static dev.slipstream.gateway.routing.RoutingFixture.PRIMARY;
import static dev.slipstream.gateway.routing.RoutingFixture.ROUTE;
import static dev.slipstream.gateway.routing.RoutingFixture.SECONDARY;
import static dev.slipstream.gateway.routing.RoutingFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;

import dev.slipstream.api.gateway.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.CompleteResponse;
import dev.slipstream.api.gateway.v1.GenerationOptions;
import dev.slipstream.api.gateway.v1.GetUsageRequest;
import dev.slipstream.api.gateway.v1.UsageGrouping;
import dev.slipstream.api.gateway.v1.UsageRow;
import dev.slipstream.gateway.config.ApiKeyConfig;
import dev.slipstream.gateway.config.AuthConfig;
import dev.slipstream.gateway.config.BudgetConfig;
import dev.slipstream.gateway.config.CacheConfig;
import dev.slipstream.gateway.config.PriceConfig;
import dev.slipstream.gateway.provider.fake.FakeProvider;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Cost through a route: charged at the price of the target that answered, reserved against budgets at the
 * route's most expensive target, nothing for a cache hit, and one ledger row under the route's name.
 */
class RoutedCostTest {
    /** One micro-dollar per token in and out. */
    private static final long CHEAP = 1_000_000;
    /** A hundred micro-dollars per token in and out. */
    private static final long DEAR = 100_000_000;
    private static final long TOKENS = FakeProvider.PROMPT_TOKENS + FakeProvider.COMPLETION_TOKENS;
    private static final List<PriceConfig> PRICES = List.of(new PriceConfig(PRIMARY, CHEAP, null, null, CHEAP, null),
                                                            new PriceConfig(SECONDARY, DEAR, null, null, DEAR, null));
    private static final String BUDGETED = "budgeted-key-0123456789";
    /** Room for any call to the cheap target, none for the output limit below at the dear one. */
    private static final long BUDGET_MICROS = 1_000;
    private static final int MAX_OUTPUT_TOKENS = 10;

    @Test
    void eachReplyIsChargedAtTheTargetThatAnsweredItAndTheLedgerNamesTheRoute() {
        try (RoutingFixture routing = RoutingFixture.fallback(CacheConfig.DEFAULT,
                                                              config -> config.withPricing(PRICES))) {
            routing.primary.failWith(503);
            final CompleteResponse fellBack = routing.gateway.chat().complete(request());
            routing.primary.reset();
            final CompleteResponse direct = routing.gateway.chat().complete(request());

            assertThat(fellBack.getFallback()).isTrue();
            assertThat(fellBack.getCostMicrosUsd()).isEqualTo(TOKENS * DEAR / 1_000_000);
            assertThat(direct.getFallback()).isFalse();
            assertThat(direct.getCostMicrosUsd()).isEqualTo(TOKENS * CHEAP / 1_000_000);
            assertThat(usageByModel(routing)).singleElement().satisfies(row -> {
                assertThat(row.getModel()).isEqualTo(ROUTE);
                assertThat(row.getRequests()).isEqualTo(2);
                assertThat(row.getCostMicrosUsd())
                        .isEqualTo(fellBack.getCostMicrosUsd() + direct.getCostMicrosUsd());
            });
        }
    }

    @Test
    void aCacheHitCostsNothingButCountsAsARequest() {
        try (RoutingFixture routing = RoutingFixture.fallback(new CacheConfig(true, 100L, 60_000L),
                                                              config -> config.withPricing(PRICES))) {
            final CompleteRequest deterministic = request(GenerationOptions.newBuilder().setTemperature(0).build());
            final CompleteResponse first = routing.gateway.chat().complete(deterministic);
            final CompleteResponse hit = routing.gateway.chat().complete(deterministic);

            assertThat(first.getCostMicrosUsd()).isEqualTo(TOKENS * CHEAP / 1_000_000);
            assertThat(hit.getCacheHit()).isTrue();
            assertThat(hit.getCostMicrosUsd()).isZero();
            assertThat(usageByModel(routing)).singleElement().satisfies(row -> {
                assertThat(row.getRequests()).isEqualTo(2);
                assertThat(row.getCostMicrosUsd()).isEqualTo(first.getCostMicrosUsd());
            });
        }
    }

    @Test
    void theBudgetReservesAtTheRoutesMostExpensiveTarget() {
        try (RoutingFixture routing = RoutingFixture.fallback(
                CacheConfig.DEFAULT,
                config -> config.withPricing(PRICES).withAuth(new AuthConfig(null, List.of(new ApiKeyConfig(
                        "budgeted", BUDGETED, null, "t", null, null, null, null,
                        new BudgetConfig(BUDGET_MICROS, null), null, null, null)))))) {
            final ChatServiceBlockingStub chat = routing.gateway.grpcClient(BUDGETED)
                                                                .build(ChatServiceBlockingStub.class);
            final GenerationOptions limited = GenerationOptions.newBuilder()
                                                               .setMaxOutputTokens(MAX_OUTPUT_TOKENS).build();

            // The primary alone would fit the budget, but the route may fall back to the dear secondary.
            final StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                                                                  () -> chat.complete(request(limited)));
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(errorInfo(e).getReason()).isEqualTo("BUDGET_EXCEEDED");
            assertThat(routing.primary.received()).isEmpty();
            // Named directly, the cheap target is its own one-target route and fits.
            assertThat(chat.complete(request(limited).toBuilder().setModel(PRIMARY).build()).getCostMicrosUsd())
                    .isEqualTo(TOKENS * CHEAP / 1_000_000);
        }
    }

    private static List<UsageRow> usageByModel(RoutingFixture routing) {
        final String today = LocalDate.now(ZoneOffset.UTC).toString();
        final AdminServiceBlockingStub admin = routing.gateway.grpcClient().build(AdminServiceBlockingStub.class);
        return admin.getUsage(GetUsageRequest.newBuilder().setStartDay(today).setEndDay(today)
                                             .addGroupBy(UsageGrouping.USAGE_GROUPING_MODEL).build())
                    .getRowsList();
    }

    private static ErrorInfo errorInfo(StatusRuntimeException e) {
        try {
            return StatusProto.fromThrowable(e).getDetails(0).unpack(ErrorInfo.class);
        } catch (InvalidProtocolBufferException ex) {
            throw new AssertionError(ex);
        }
    }
}
