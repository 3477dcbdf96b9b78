package dev.slipstream.execution.venue.bybit.stream;

import static dev.slipstream.execution.venue.bybit.stream.RecordingPrivateListener.WAIT;
import static dev.slipstream.execution.venue.bybit.stream.RecordingPrivateListener.next;
import static dev.slipstream.execution.venue.bybit.stream.RecordingPrivateListener.nextContaining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.venue.bybit.BybitCredentials;
import dev.slipstream.execution.venue.bybit.BybitExecution;
import dev.slipstream.execution.venue.bybit.BybitOrderState;
import dev.slipstream.execution.venue.bybit.BybitOrderUpdate;
import dev.slipstream.execution.venue.bybit.BybitSigner;
import dev.slipstream.execution.venue.bybit.fake.FakeBybitStreams;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The private stream against the local fake: auth, partial fills, drops, reconnects and a throwing listener. */
class BybitPrivateWebSocketTest {

    private static final BybitCredentials CREDENTIALS = new BybitCredentials("fake-key", "fake-secret");
    static final StreamSettings FAST = StreamSettings.DEFAULT
            .withBackoff(Duration.ofMillis(200), Duration.ofMillis(800))
            .withPing(Duration.ofSeconds(5), Duration.ofSeconds(2));

    private FakeBybitStreams fake;
    private BybitPrivateWebSocket stream;
    private final RecordingPrivateListener listener = new RecordingPrivateListener();

    @BeforeEach
    void startFake() {
        fake = FakeBybitStreams.start(CREDENTIALS);
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        fake.close();
    }

    private BybitPrivateWebSocket stream(BybitCredentials credentials, Clock clock) {
        stream = new BybitPrivateWebSocket(fake.privateUri(), new BybitSigner(credentials), FAST, clock);
        return stream;
    }

    private static BybitOrderUpdate order(BybitOrderState state, String cum, String leaves, String avg) {
        return new BybitOrderUpdate("o-1", "parent-1-E1", "BTCUSDT", state, new BigDecimal("1.0"),
                new BigDecimal(cum), new BigDecimal(leaves), new BigDecimal(avg), "EC_NoError",
                Instant.ofEpochMilli(1_700_000_000_000L));
    }

    private static BybitExecution fill(String execId, String qty, String price) {
        return new BybitExecution(execId, "o-1", "parent-1-E1", "BTCUSDT", Side.BUY, new BigDecimal(qty),
                new BigDecimal(price), true, Instant.ofEpochMilli(1_700_000_000_100L));
    }

    @Test
    void authenticatesSubscribesAndDeliversPartialFillsAsOrderAndExecutionMessages() throws Exception {
        stream(CREDENTIALS, Clock.systemUTC()).start(listener);

        assertThat(fake.authSuccesses()).isEqualTo(1);
        assertThat(fake.subscriptions("order")).isEqualTo(1);
        assertThat(fake.subscriptions("execution")).isEqualTo(1);

        FakeBybitStreams.OrderTerms terms =
                new FakeBybitStreams.OrderTerms(Side.BUY, "Limit", new BigDecimal("30001"), "GTC");
        fake.publishOrder(order(BybitOrderState.NEW, "0", "1.0", "0"), terms);
        fake.publishExecution(fill("e-1", "0.4", "30000.5"));
        fake.publishOrder(order(BybitOrderState.PARTIALLY_FILLED, "0.4", "0.6", "30000.5"), terms);
        fake.publishExecution(fill("e-2", "0.6", "30001"));
        fake.publishOrder(order(BybitOrderState.FILLED, "1.0", "0", "30000.8"));

        BybitOrderUpdate created = next(listener.orders, "order New");
        assertThat(created.state()).isEqualTo(BybitOrderState.NEW);
        assertThat(created.avgPrice()).isEqualByComparingTo("0");
        BybitOrderUpdate partial = next(listener.orders, "order PartiallyFilled");
        assertThat(partial.state()).isEqualTo(BybitOrderState.PARTIALLY_FILLED);
        assertThat(partial.cumExecQty()).isEqualByComparingTo("0.4");
        assertThat(partial.leavesQty()).isEqualByComparingTo("0.6");
        BybitOrderUpdate filled = next(listener.orders, "order Filled");
        assertThat(filled.state()).isEqualTo(BybitOrderState.FILLED);
        assertThat(filled.avgPrice()).isEqualByComparingTo("30000.8");
        assertThat(filled.orderLinkId()).isEqualTo("parent-1-E1");

        assertThat(next(listener.executions, "first fill")).isEqualTo(fill("e-1", "0.4", "30000.5"));
        assertThat(next(listener.executions, "second fill")).isEqualTo(fill("e-2", "0.6", "30001"));
        assertThat(listener.reconnectCount).hasValue(0);
    }

    @Test
    void readsTheDocumentedMessageShapesAndSkipsExecutionsThatAreNotTrades() throws Exception {
        stream(CREDENTIALS, Clock.systemUTC()).start(listener);

        // Shapes and values as in the v5 docs' "Order" and "Execution" stream examples (a linear order here).
        fake.publishPrivateRaw("""
                {"id":"5923240c6880ab-c59f-420b-9adb-3639adc9dd90","topic":"order","creationTime":1672364262474,
                 "data":[{"symbol":"BTCUSDT","orderId":"5cf98598-39a7-459e-97bf-76ca765ee020","side":"Sell",
                 "orderType":"Market","cancelType":"UNKNOWN","price":"72.5","qty":"1","orderIv":"","timeInForce":"IOC",
                 "orderStatus":"Filled","orderLinkId":"","lastPriceOnCreated":"","reduceOnly":false,"leavesQty":"",
                 "leavesValue":"","cumExecQty":"1","cumExecValue":"75","avgPrice":"75","blockTradeId":"",
                 "positionIdx":0,"cumExecFee":"0.358635","createdTime":"1672364262444","updatedTime":"1672364262457",
                 "rejectReason":"EC_NoError","stopOrderType":"","tpslMode":"","triggerPrice":"","takeProfit":"",
                 "stopLoss":"","category":"linear","placeType":"","smpType":"None","smpGroup":0,"smpOrderId":"",
                 "feeCurrency":""}]}""");
        fake.publishPrivateRaw("""
                {"topic":"execution","id":"386825804_BTCUSDT_140612148849382","creationTime":1746270400355,
                 "data":[{"category":"linear","symbol":"BTCUSDT","execFee":"0.0001","execId":"funding-1",
                 "execPrice":"95900.1","execQty":"0.5","execType":"Funding","execValue":"47950.05","orderId":"",
                 "orderLinkId":"","side":"Sell","execTime":"1746270400353","isMaker":false},
                 {"category":"linear","symbol":"BTCUSDT","closedSize":"0.5","execFee":"26.3725275",
                 "execId":"0ab1bdf7-4219-438b-b30a-32ec863018f7","execPrice":"95900.1","execQty":"0.5",
                 "execType":"Trade","execValue":"47950.05","feeRate":"0.00055","leavesQty":"0",
                 "orderId":"9aac161b-8ed6-450d-9cab-c5cc67c21784","orderLinkId":"","orderPrice":"94942.5",
                 "orderQty":"0.5","orderType":"Market","stopOrderType":"UNKNOWN","side":"Sell",
                 "execTime":"1746270400353","isLeverage":"0","isMaker":false,"seq":140612148849382,
                 "execPnl":"0.05","createType":"CreateByUser"}]}""");

        BybitOrderUpdate order = next(listener.orders, "documented order");
        assertThat(order).isEqualTo(new BybitOrderUpdate("5cf98598-39a7-459e-97bf-76ca765ee020", "", "BTCUSDT",
                BybitOrderState.FILLED, new BigDecimal("1"), new BigDecimal("1"), BigDecimal.ZERO,
                new BigDecimal("75"), "EC_NoError", Instant.ofEpochMilli(1672364262457L)));
        BybitExecution execution = next(listener.executions, "documented execution");
        assertThat(execution).isEqualTo(new BybitExecution("0ab1bdf7-4219-438b-b30a-32ec863018f7",
                "9aac161b-8ed6-450d-9cab-c5cc67c21784", "", "BTCUSDT", Side.SELL, new BigDecimal("0.5"),
                new BigDecimal("95900.1"), false, Instant.ofEpochMilli(1746270400353L)));
        assertThat(listener.executions).isEmpty();
    }

    @Test
    void aWrongSecretIsRefusedWithBybitsReplyAndTheStreamStops() throws Exception {
        BybitPrivateWebSocket wrong = stream(new BybitCredentials("fake-key", "not-the-secret"), Clock.systemUTC());

        assertThatThrownBy(() -> wrong.start(listener))
                .isInstanceOf(BybitStreamException.class)
                .hasMessageContaining("Bybit refused the private stream auth: " + FakeBybitStreams.AUTH_REFUSED);
        assertThat(next(listener.failures, "failure")).contains(FakeBybitStreams.AUTH_REFUSED);
        assertThat(fake.authFailures()).isEqualTo(1);
        assertThat(fake.subscriptions("order")).isZero();
        fake.await("the refused connection closed", WAIT, () -> fake.openConnections() == 0);
        assertThat(fake.privateConnections()).isEqualTo(1);
        assertThat(wrong.connectionsOpened()).isEqualTo(1);
    }

    @Test
    void anExpiredSignatureIsRefused() {
        Clock minuteBehind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-1));
        BybitPrivateWebSocket late = stream(CREDENTIALS, minuteBehind);

        assertThatThrownBy(() -> late.start(listener))
                .isInstanceOf(BybitStreamException.class)
                .hasMessageContaining(FakeBybitStreams.AUTH_REFUSED);
        assertThat(fake.authFailures()).isEqualTo(1);
        assertThat(fake.authSuccesses()).isZero();
    }

    @Test
    void aDropMidOrderReconnectsWithBackoffReauthenticatesResubscribesAndReportsEachReconnectOnce()
            throws Exception {
        stream(CREDENTIALS, Clock.systemUTC()).start(listener);
        fake.publishOrder(order(BybitOrderState.NEW, "0", "1.0", "0"));
        fake.publishExecution(fill("e-1", "0.4", "30000.5"));
        next(listener.orders, "order before the drop");
        next(listener.executions, "fill before the drop");

        long dropped = System.nanoTime();
        fake.dropAllConnections();
        assertThat(next(listener.reconnects, "first reconnect")).isEqualTo(1);
        Duration downFor = Duration.ofNanos(System.nanoTime() - dropped);

        // Equal jitter: the first retry waits at least half the initial backoff.
        assertThat(downFor).isGreaterThanOrEqualTo(FAST.initialBackoff().dividedBy(2));
        assertThat(fake.authSuccesses()).isEqualTo(2);
        assertThat(fake.subscriptions("order")).isEqualTo(2);
        assertThat(fake.subscriptions("execution")).isEqualTo(2);
        fake.publishExecution(fill("e-2", "0.6", "30001"));
        fake.publishOrder(order(BybitOrderState.FILLED, "1.0", "0", "30000.8"));
        assertThat(next(listener.executions, "fill after the reconnect").execId()).isEqualTo("e-2");
        assertThat(next(listener.orders, "order after the reconnect").state()).isEqualTo(BybitOrderState.FILLED);

        fake.dropAllConnections();
        assertThat(next(listener.reconnects, "second reconnect")).isEqualTo(2);
        assertThat(fake.authSuccesses()).isEqualTo(3);
        assertThat(stream.connectionsOpened()).isEqualTo(3);
        assertThat(listener.reconnects).isEmpty();
        assertThat(nextContaining(listener.errors, "private stream dropped")).contains("reconnecting in");
    }

    @Test
    void aThrowingListenerNeitherLosesTheOtherUpdatesNorKillsTheStream() throws Exception {
        RecordingPrivateListener throwing = new RecordingPrivateListener() {
            @Override
            public void onOrder(BybitOrderUpdate update) {
                if (update.state() == BybitOrderState.NEW) {
                    throw new IllegalStateException("listener bug");
                }
                super.onOrder(update);
            }
        };
        stream(CREDENTIALS, Clock.systemUTC()).start(throwing);

        fake.publishOrder(order(BybitOrderState.NEW, "0", "1.0", "0"));
        fake.publishOrder(order(BybitOrderState.FILLED, "1.0", "0", "30000"));

        assertThat(next(throwing.orders, "order after the throw").state()).isEqualTo(BybitOrderState.FILLED);
        assertThat(nextContaining(throwing.errors, "listener bug")).contains("cannot handle a order item");
        assertThat(stream.connectionsOpened()).isEqualTo(1);
    }

    @Test
    void fragmentedFramesAreAssembledIntoWholeMessages() throws Exception {
        fake.fragmentFramesOf(16);
        stream(CREDENTIALS, Clock.systemUTC()).start(listener);

        fake.publishExecution(fill("e-1", "0.4", "30000.5"));

        assertThat(next(listener.executions, "fragmented fill")).isEqualTo(fill("e-1", "0.4", "30000.5"));
    }
}
