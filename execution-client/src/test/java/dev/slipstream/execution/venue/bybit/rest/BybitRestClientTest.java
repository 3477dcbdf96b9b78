package dev.slipstream.execution.venue.bybit.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.venue.Bar;
import dev.slipstream.execution.venue.BookEvent;
import dev.slipstream.execution.venue.bybit.BybitCredentials;
import dev.slipstream.execution.venue.bybit.BybitOrderState;
import dev.slipstream.execution.venue.bybit.BybitOrderUpdate;
import dev.slipstream.execution.venue.bybit.BybitSigner;
import dev.slipstream.execution.venue.bybit.BybitTicker;
import dev.slipstream.execution.venue.bybit.fake.FakeBybitExchange;
import dev.slipstream.execution.venue.bybit.fake.FakeBybitFault;
import dev.slipstream.execution.venue.bybit.fake.FakeBybitRestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST client against the fake Bybit over real HTTP: orders, market data, and every failure it must survive. */
class BybitRestClientTest {

    private static final String KEY = "fake-key";
    private static final String SECRET = "fake-secret";
    private static final String SYMBOL = "BTCUSDT";

    private final AtomicLong skew = new AtomicLong();
    private final FakeBybitExchange exchange = new FakeBybitExchange(() -> System.currentTimeMillis() + skew.get());
    private FakeBybitRestServer server;

    private BybitRestClient client(int limitPerSecond, BybitRestConfig config, String secret) {
        exchange.list(SYMBOL, "0.1", "0.001", "0.001", "5");
        exchange.setBids(SYMBOL, "50000.0", "1", "49999.9", "2");
        exchange.setAsks(SYMBOL, "50000.1", "0.5", "50000.2", "3");
        server = new FakeBybitRestServer(exchange, KEY, SECRET, limitPerSecond);
        return new BybitRestClient(server.uri(), new BybitSigner(new BybitCredentials(KEY, secret)), config);
    }

    private BybitRestClient client() {
        return client(50, fastRetries(), SECRET);
    }

    private static BybitRestConfig fastRetries() {
        return BybitRestConfig.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void createsQueriesAndCancelsALimitOrder() {
        BybitRestClient client = client();
        OrderAck ack = client.createOrder(OrderRequest.limit(SYMBOL, Side.BUY, new BigDecimal("0.2"),
                new BigDecimal("49990.0"), OrderRequest.TimeInForce.GTC, "parent1-E1"));

        assertThat(ack.orderLinkId()).isEqualTo("parent1-E1");
        assertThat(ack.alreadyPlaced()).isFalse();
        BybitOrderUpdate open = client.order(SYMBOL, "parent1-E1").orElseThrow();
        assertThat(open.state()).isEqualTo(BybitOrderState.NEW);
        assertThat(open.orderId()).isEqualTo(ack.orderId());
        assertThat(open.leavesQty()).isEqualByComparingTo("0.2");
        assertThat(client.openOrders(SYMBOL)).extracting(BybitOrderUpdate::orderLinkId).containsExactly("parent1-E1");

        assertThat(client.cancelOrder(SYMBOL, "parent1-E1")).isTrue();
        assertThat(client.order(SYMBOL, "parent1-E1").orElseThrow().state()).isEqualTo(BybitOrderState.CANCELLED);
        assertThat(client.cancelOrder(SYMBOL, "parent1-E1")).as("already cancelled: 110001").isFalse();
        assertThat(client.order(SYMBOL, "unknown-E1")).isEmpty();
    }

    @Test
    void aMarketOrderWalksTheBookAndReportsItsAveragePrice() {
        BybitRestClient client = client();
        client.createOrder(OrderRequest.market(SYMBOL, Side.BUY, new BigDecimal("1.5"), "parent1-E2"));

        BybitOrderUpdate filled = client.order(SYMBOL, "parent1-E2").orElseThrow();
        assertThat(filled.state()).isEqualTo(BybitOrderState.FILLED);
        assertThat(filled.cumExecQty()).isEqualByComparingTo("1.5");
        // 0.5 at 50000.1 and 1.0 at 50000.2
        assertThat(filled.avgPrice()).isEqualByComparingTo(new BigDecimal("75000.25").divide(new BigDecimal("1.5"),
                java.math.MathContext.DECIMAL64));
    }

    @Test
    void aPostOnlyOrderThatWouldCrossIsCancelledWithItsReason() {
        BybitRestClient client = client();
        client.createOrder(OrderRequest.limit(SYMBOL, Side.BUY, new BigDecimal("0.1"), new BigDecimal("50000.1"),
                OrderRequest.TimeInForce.POST_ONLY, "parent1-E3"));

        BybitOrderUpdate order = client.order(SYMBOL, "parent1-E3").orElseThrow();
        assertThat(order.state()).isEqualTo(BybitOrderState.CANCELLED);
        assertThat(order.rejectReason()).isEqualTo("EC_PostOnlyWillTakeLiquidity");
        assertThat(order.cumExecQty()).isZero();
    }

    @Test
    void signsAndSendsTheExactBodyWithEveryField() {
        BybitRestClient client = client();
        client.createOrder(OrderRequest.limit(SYMBOL, Side.SELL, new BigDecimal("0.25"), new BigDecimal("50001.5"),
                OrderRequest.TimeInForce.POST_ONLY, "parent1-E10"));

        assertThat(server.received("/v5/order/create").getFirst().payload()).isEqualTo("{\"category\":\"linear\","
                + "\"symbol\":\"BTCUSDT\",\"side\":\"Sell\",\"orderType\":\"Limit\",\"qty\":\"0.25\","
                + "\"price\":\"50001.5\",\"timeInForce\":\"PostOnly\",\"orderLinkId\":\"parent1-E10\"}");
        client.order(SYMBOL, "parent1-E10");
        assertThat(server.received("/v5/order/realtime").getFirst().payload())
                .isEqualTo("category=linear&symbol=BTCUSDT&orderLinkId=parent1-E10");
    }

    @Test
    void aSpotMarketOrderStatesItsQuantityInTheBaseCoin() {
        BybitRestConfig spot = new BybitRestConfig("spot", BybitRestConfig.DEFAULT_RECV_WINDOW,
                BybitRestConfig.DEFAULT_CONNECT_TIMEOUT, BybitRestConfig.DEFAULT_REQUEST_TIMEOUT, 2,
                Duration.ofMillis(20), Duration.ofMillis(20), Duration.ZERO);
        BybitRestClient client = client(50, spot, SECRET);
        client.createOrder(OrderRequest.market(SYMBOL, Side.BUY, new BigDecimal("0.1"), "spot-E1"));

        assertThat(server.received("/v5/order/create").getFirst().payload())
                .contains("\"category\":\"spot\"", "\"marketUnit\":\"baseCoin\"");
    }

    @Test
    void aSpotTickerWithoutFundingReadsThemAsZero() throws Exception {
        BybitTicker ticker = BybitRestRecords.ticker(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"symbol\":\"BTCUSDT\",\"bid1Price\":\"50000\",\"ask1Price\":\"50001\",\"lastPrice\":"
                        + "\"50000.5\",\"volume24h\":\"12\",\"turnover24h\":\"600000\"}"));

        assertThat(ticker.fundingRate()).isZero();
        assertThat(ticker.openInterest()).isZero();
        assertThat(ticker.ask1Price()).isEqualByComparingTo("50001");
    }

    @Test
    void anIocOrderTakesWhatCrossesAndCancelsTheRest() {
        BybitRestClient client = client();
        client.createOrder(OrderRequest.limit(SYMBOL, Side.BUY, new BigDecimal("0.8"), new BigDecimal("50000.1"),
                OrderRequest.TimeInForce.IOC, "parent1-E8"));

        BybitOrderUpdate order = client.order(SYMBOL, "parent1-E8").orElseThrow();
        assertThat(order.state()).isEqualTo(BybitOrderState.PARTIALLY_FILLED_CANCELED);
        assertThat(order.cumExecQty()).isEqualByComparingTo("0.5");
        assertThat(order.leavesQty()).isZero();
    }

    @Test
    void aCreateRetriedAfterATimeoutIsFoundPlacedAndNeverPlacedTwice() {
        BybitRestClient client = client(50, fastRetries().withRequestTimeout(Duration.ofMillis(300)), SECRET);
        server.inject("/v5/order/create", new FakeBybitFault.AnswerLate(Duration.ofSeconds(2)));

        OrderAck ack = client.createOrder(OrderRequest.market(SYMBOL, Side.SELL, new BigDecimal("0.4"), "parent1-E4"));

        assertThat(ack.alreadyPlaced()).isTrue();
        assertThat(exchange.ordersAccepted()).isEqualTo(1);
        assertThat(server.received("/v5/order/create")).extracting(FakeBybitRestServer.Received::retCode)
                .containsExactly(0, 110072);
        BybitOrderUpdate order = client.order(SYMBOL, "parent1-E4").orElseThrow();
        assertThat(order.orderId()).isEqualTo(ack.orderId());
        assertThat(order.cumExecQty()).isEqualByComparingTo("0.4");
    }

    @Test
    void rateLimitedCreateWaitsForTheAnnouncedResetThenSucceedsOnce() {
        BybitRestClient client = client();
        server.inject("/v5/order/create", new FakeBybitFault.RateLimited(Duration.ofMillis(400)));

        client.createOrder(OrderRequest.market(SYMBOL, Side.BUY, new BigDecimal("0.1"), "parent1-E5"));

        List<FakeBybitRestServer.Received> creates = server.received("/v5/order/create");
        assertThat(creates).extracting(FakeBybitRestServer.Received::retCode).containsExactly(10006, 0);
        assertThat(creates.get(1).time() - creates.get(0).time()).as("waited for the reset")
                .isGreaterThanOrEqualTo(400);
        assertThat(exchange.ordersAccepted()).isEqualTo(1);
    }

    @Test
    void aResetFurtherAwayThanTheLongestWaitFailsAtOnce() {
        BybitRestClient client = client();
        server.inject("/v5/order/create", new FakeBybitFault.RateLimited(Duration.ofMinutes(1)));

        assertThatThrownBy(() -> client.createOrder(
                OrderRequest.market(SYMBOL, Side.BUY, new BigDecimal("0.1"), "parent1-E9")))
                .isInstanceOf(BybitException.RateLimited.class).hasMessageContaining("10006");
        assertThat(server.received("/v5/order/create")).hasSize(1);
        assertThat(exchange.ordersAccepted()).isZero();
    }

    @Test
    void clientSideLimitingFollowsTheHeadersSoTheExchangeNeverRefuses() {
        BybitRestClient client = client(3, fastRetries(), SECRET);
        for (int i = 1; i <= 7; i++) {
            client.createOrder(OrderRequest.limit(SYMBOL, Side.BUY, new BigDecimal("0.01"), new BigDecimal("49000"),
                    OrderRequest.TimeInForce.GTC, "burst-E" + i));
        }

        List<FakeBybitRestServer.Received> creates = server.received("/v5/order/create");
        assertThat(creates).extracting(FakeBybitRestServer.Received::retCode).containsOnly(0).hasSize(7);
        assertThat(creates.get(6).time() - creates.get(0).time()).as("seven calls at three a second")
                .isGreaterThanOrEqualTo(2000);
    }

    @Test
    void aTimestampOutsideTheRecvWindowResyncsTheClockAndRetries() {
        skew.set(60_000);
        BybitRestClient client = client();

        client.createOrder(OrderRequest.market(SYMBOL, Side.BUY, new BigDecimal("0.1"), "parent1-E6"));

        assertThat(server.received("/v5/order/create")).extracting(FakeBybitRestServer.Received::retCode)
                .containsExactly(10002, 0);
        assertThat(server.received("/v5/market/time")).hasSize(1);
        assertThat(client.clockOffsetMillis()).isBetween(59_000L, 61_000L);
        assertThat(exchange.ordersAccepted()).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        BybitRestClient client = client();
        server.inject("/v5/market/tickers", new FakeBybitFault.HttpStatus(502));
        server.inject("/v5/market/tickers", new FakeBybitFault.HttpStatus(503));

        BybitTicker ticker = client.ticker(SYMBOL);

        assertThat(ticker.bid1Price()).isEqualByComparingTo("50000.0");
        assertThat(server.received("/v5/market/tickers")).extracting(FakeBybitRestServer.Received::retCode)
                .containsExactly(-502, -503, 0);
    }

    @Test
    void retriesStopAtMaxAttempts() {
        BybitRestClient client = client();
        for (int i = 0; i < BybitRestConfig.DEFAULT_MAX_ATTEMPTS; i++) {
            server.inject("/v5/market/tickers", new FakeBybitFault.HttpStatus(500));
        }

        assertThatThrownBy(() -> client.ticker(SYMBOL)).isInstanceOf(BybitException.TransportFailure.class)
                .hasMessageContaining("HTTP 500");
        assertThat(server.received("/v5/market/tickers")).hasSize(BybitRestConfig.DEFAULT_MAX_ATTEMPTS);
    }

    @Test
    void http403HaltsTradingAndNothingMoreIsSent() {
        BybitRestClient client = client();
        server.inject("/v5/order/create", new FakeBybitFault.HttpStatus(403));

        assertThatThrownBy(() -> client.createOrder(
                OrderRequest.market(SYMBOL, Side.BUY, new BigDecimal("0.1"), "parent1-E7")))
                .isInstanceOf(BybitException.TradingHalted.class).hasMessageContaining("HTTP 403");
        assertThat(client.isHalted()).isTrue();
        assertThatThrownBy(() -> client.ticker(SYMBOL)).isInstanceOf(BybitException.TradingHalted.class);
        assertThat(server.received("/v5/order/create")).hasSize(1);
        assertThat(server.received("/v5/market/tickers")).isEmpty();
        assertThat(exchange.ordersAccepted()).isZero();
    }

    @Test
    void aWrongSecretIsAnAuthenticationFailureNotRetried() {
        BybitRestClient client = client(50, fastRetries(), "not-the-secret");

        assertThatThrownBy(() -> client.order(SYMBOL, "parent1-E1"))
                .isInstanceOf(BybitException.AuthenticationFailed.class).hasMessageContaining("10004");
        assertThat(server.received("/v5/order/realtime")).hasSize(1);
    }

    @Test
    void readsMarketDataAndInstrumentRules() {
        BybitRestClient client = client();
        exchange.trade(SYMBOL, "Sell", "50000.0", "0.3");

        BybitTicker ticker = client.ticker(SYMBOL);
        assertThat(ticker.fundingRate()).isEqualByComparingTo("0.0001");
        assertThat(ticker.openInterest()).isEqualByComparingTo("12345.6");
        assertThat(ticker.lastPrice()).isEqualByComparingTo("50000.0");

        BookEvent.Snapshot book = client.orderBook(SYMBOL, 1);
        assertThat(book.bids()).containsExactly(new BookEvent.Level(new BigDecimal("50000.0"), BigDecimal.ONE));
        assertThat(book.asks()).containsExactly(new BookEvent.Level(new BigDecimal("50000.1"), new BigDecimal("0.5")));

        assertThat(client.recentTrades(SYMBOL, 10)).singleElement().satisfies(trade -> {
            assertThat(trade.takerSide()).isEqualTo(Side.SELL);
            assertThat(trade.size()).isEqualByComparingTo("0.3");
        });

        List<Bar> bars = client.klines(SYMBOL, "1", 5);
        assertThat(bars).hasSize(5);
        assertThat(bars.get(0).time()).as("oldest first").isBefore(bars.get(4).time());

        InstrumentRules rules = client.instrument(SYMBOL);
        assertThat(rules.tickSize()).isEqualByComparingTo("0.1");
        assertThat(rules.qtyStep()).isEqualByComparingTo("0.001");
        assertThat(rules.minNotional()).isEqualByComparingTo("5");
        assertThat(rules.maxMarketOrderQty()).isEqualByComparingTo("100");
        assertThatThrownBy(() -> client.instrument("NOPEUSDT")).isInstanceOf(BybitException.InvalidParameter.class);
    }
}
