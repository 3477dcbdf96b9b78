package dev.slipstream.execution.venue.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipstream.execution.order.ChildOrder;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.venue.Fill;
import dev.slipstream.execution.venue.OrderStatus;
import dev.slipstream.execution.venue.SimulatedClock;
import dev.slipstream.execution.venue.bybit.fake.FakeBybit;
import dev.slipstream.execution.venue.bybit.fake.FakeBybitExchange;
import dev.slipstream.execution.venue.bybit.fake.FakeBybitFault;
import dev.slipstream.execution.venue.bybit.fake.FakeBybitRestServer;
import dev.slipstream.execution.venue.bybit.rest.BybitRestClient;
import dev.slipstream.execution.venue.bybit.rest.BybitRestConfig;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live venue over the fake Bybit's REST, with the private stream's callbacks driven directly from the fake
 * exchange's execution events (the WebSocket half delivers the same records).
 */
class BybitVenueTest {

    /** Nothing periodic within a test: no reconciliation, kline refresh or clock sync unless a test asks. */
    private static final BybitVenueConfig QUIET = new BybitVenueConfig(Duration.ofHours(1), Duration.ofHours(1), 61,
            Duration.ofHours(1));

    private final FakeBybit fake = new FakeBybit();
    private final List<BybitExecution> executions = new CopyOnWriteArrayList<>();
    private final RecordingVenueListener recorded = new RecordingVenueListener();
    private final VenueEvents events = new VenueEvents();
    private BybitRestClient rest;
    private BybitVenue venue;

    @BeforeEach
    void open() {
        fake.exchange().addListener(new FakeBybitExchange.Listener() {
            @Override
            public void onOrder(ObjectNode order) {}

            @Override
            public void onExecution(ObjectNode execution) {
                executions.add(FakeBybit.execution(execution));
            }
        });
        rest = new BybitRestClient(fake.uri(), new BybitSigner(new BybitCredentials(FakeBybit.API_KEY,
                FakeBybit.API_SECRET)), BybitRestConfig.defaults().withBackoff(Duration.ofMillis(10),
                Duration.ofMillis(50)));
        rest.syncTime();
        venue = new BybitVenue(rest, rest.instrument(FakeBybit.SYMBOL), QUIET, events, Clock.systemUTC());
        venue.subscribe(recorded);
    }

    @AfterEach
    void close() {
        events.close();
        fake.close();
    }

    private static ChildOrder child(String id, String quantity) {
        return new ChildOrder(id, "p1", 1, FakeBybit.SYMBOL, Side.BUY, new BigDecimal(quantity), null, Instant.now());
    }

    /** A buy resting below the book, filled only by public trades that reach it. */
    private static ChildOrder restingBuy(String id, String quantity) {
        return new ChildOrder(id, "p1", 1, FakeBybit.SYMBOL, Side.BUY, new BigDecimal(quantity),
                new BigDecimal("49990.0"), Instant.now());
    }

    /**
     * Fills reach the listeners on the event thread; this waits for everything queued there, twice, because a
     * reconciliation running there queues its fills behind itself.
     */
    private List<Fill> settledFills() {
        events.call(() -> null);
        events.call(() -> null);
        return recorded.fills();
    }

    @Test
    void partialFillsArriveAsExecutionsAndEachBecomesOneFillEvenWhenDeliveredTwice() {
        OrderStatus placed = venue.place(restingBuy("p1-E1", "0.01"));
        assertThat(placed.state()).isEqualTo(OrderStatus.State.NEW);
        fake.exchange().trade(FakeBybit.SYMBOL, "Sell", "49990.0", "0.004");
        fake.exchange().trade(FakeBybit.SYMBOL, "Sell", "49989.0", "0.003");
        assertThat(executions).hasSize(2);

        executions.forEach(venue::onExecution);
        executions.forEach(venue::onExecution);

        assertThat(settledFills()).extracting(Fill::quantity).extracting(BigDecimal::toPlainString)
                .containsExactly("0.004", "0.003");
        assertThat(settledFills()).extracting(Fill::price).allSatisfy(price ->
                assertThat(price).isEqualByComparingTo("49990.0"));
        assertThat(venue.query("p1-E1").orElseThrow().filledQuantity()).isEqualByComparingTo("0.007");
    }

    @Test
    void aStreamDropIsMadeGoodByReconciliationWithoutLosingOrDoublingAFill() {
        venue.place(restingBuy("p1-E1", "0.01"));
        for (String size : List.of("0.002", "0.003", "0.005")) {
            fake.exchange().trade(FakeBybit.SYMBOL, "Sell", "49990.0", size);
        }
        venue.onExecution(executions.get(0));
        // The stream drops here: the other two executions are lost; after the reconnect Bybit's state is read.
        venue.onReconnected();
        List<Fill> afterReconnect = settledFills();
        assertThat(afterReconnect).extracting(Fill::quantity).extracting(BigDecimal::toPlainString)
                .containsExactly("0.002", "0.008");
        // Late copies of the lost executions were already accounted for by reconciliation.
        venue.onExecution(executions.get(1));
        venue.onExecution(executions.get(2));

        List<Fill> all = settledFills();
        BigDecimal filled = all.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal notional = all.stream().map(f -> f.quantity().multiply(f.price()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(all).hasSize(2);
        assertThat(filled).isEqualByComparingTo("0.01");
        BigDecimal bybitAverage = rest.order(FakeBybit.SYMBOL, "p1-E1").orElseThrow().avgPrice();
        assertThat(notional.divide(filled, MathContext.DECIMAL64)).isEqualByComparingTo(bybitAverage);
        assertThat(venue.query("p1-E1").orElseThrow().state()).isEqualTo(OrderStatus.State.FILLED);
    }

    @Test
    void aMarketChildIsReadBackAtOnceSoItsFillsNeedNoStream() {
        OrderStatus placed = venue.place(child("p1-E1", "0.12"));

        assertThat(placed.state()).isEqualTo(OrderStatus.State.FILLED);
        assertThat(settledFills()).singleElement().satisfies(fill -> {
            assertThat(fill.quantity()).isEqualByComparingTo("0.12");
            // 0.05 at 50000.1, 0.05 at 50000.2, 0.02 at 50000.3
            assertThat(fill.price()).isEqualByComparingTo(new BigDecimal("6000.021").divide(new BigDecimal("0.12"),
                    MathContext.DECIMAL64));
        });
        executions.forEach(venue::onExecution);
        assertThat(settledFills()).as("the stream's copies change nothing").hasSize(1);
    }

    @Test
    void aMarketChildTheBookCannotFillIsCancelledWithWhatItGot() {
        OrderStatus placed = venue.place(child("p1-E1", "0.6"));

        assertThat(placed.state()).isEqualTo(OrderStatus.State.CANCELLED);
        assertThat(placed.filledQuantity()).as("ten levels of 0.05").isEqualByComparingTo("0.5");
    }

    @Test
    void childrenAreRoundedToTheStepAndThoseRoundingToNothingNeverLeave() {
        venue.place(child("p1-E1", "0.0105"));
        assertThat(rest.order(FakeBybit.SYMBOL, "p1-E1").orElseThrow().quantity()).isEqualByComparingTo("0.01");

        OrderStatus tiny = venue.place(child("p1-E2", "0.0004"));
        assertThat(tiny.state()).isEqualTo(OrderStatus.State.REJECTED);
        assertThat(fake.exchange().ordersAccepted()).isEqualTo(1);
    }

    @Test
    void placingTheSameChildAgainSendsNothing() {
        venue.place(child("p1-E1", "0.01"));
        venue.place(child("p1-E1", "0.01"));

        assertThat(fake.restServer().received("/v5/order/create")).hasSize(1);
        assertThat(fake.exchange().ordersAccepted()).isEqualTo(1);
    }

    @Test
    void http403HaltsTheVenue() {
        fake.restServer().inject("/v5/order/create", new FakeBybitFault.HttpStatus(403));

        assertThat(venue.place(child("p1-E1", "0.01")).state()).isEqualTo(OrderStatus.State.REJECTED);
        assertThat(venue.haltReason()).contains("HTTP 403");
        assertThat(venue.place(child("p1-E2", "0.01")).state()).isEqualTo(OrderStatus.State.REJECTED);
        assertThat(fake.restServer().received("/v5/order/create")).hasSize(1);
    }

    /** A venue whose REST calls give up after 300 ms, for answers that come too late. */
    private BybitVenue impatientVenue() {
        var impatient = new BybitRestClient(fake.uri(), new BybitSigner(new BybitCredentials(FakeBybit.API_KEY,
                FakeBybit.API_SECRET)), BybitRestConfig.defaults().withRequestTimeout(Duration.ofMillis(300))
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)));
        impatient.syncTime();
        var venue = new BybitVenue(impatient, impatient.instrument(FakeBybit.SYMBOL), QUIET, events,
                Clock.systemUTC());
        venue.subscribe(recorded);
        return venue;
    }

    @Test
    void aCreateAnsweredTooLateIsRetriedOnceFoundPlacedAndFilledOnce() {
        BybitVenue impatient = impatientVenue();
        fake.restServer().inject("/v5/order/create", new FakeBybitFault.AnswerLate(Duration.ofSeconds(2)));

        OrderStatus placed = impatient.place(child("p1-E1", "0.03"));

        assertThat(placed.state()).isEqualTo(OrderStatus.State.FILLED);
        assertThat(fake.exchange().ordersAccepted()).isEqualTo(1);
        assertThat(fake.restServer().received("/v5/order/create"))
                .extracting(FakeBybitRestServer.Received::retCode).containsExactly(0, 110072);
        assertThat(settledFills()).singleElement().satisfies(fill ->
                assertThat(fill.quantity()).isEqualByComparingTo("0.03"));
    }

    @Test
    void aCreateWithNoAnswerAtAllStaysOpenUntilReconciliationFindsItPlaced() {
        BybitVenue impatient = impatientVenue();
        for (int i = 0; i < BybitRestConfig.DEFAULT_MAX_ATTEMPTS; i++) {
            fake.restServer().inject("/v5/order/create", new FakeBybitFault.AnswerLate(Duration.ofSeconds(2)));
        }

        OrderStatus placed = impatient.place(child("p1-E1", "0.03"));
        assertThat(placed.state()).as("outcome unknown: not rejected").isEqualTo(OrderStatus.State.NEW);
        impatient.reconcile();

        assertThat(impatient.query("p1-E1").orElseThrow().state()).isEqualTo(OrderStatus.State.FILLED);
        assertThat(fake.exchange().ordersAccepted()).isEqualTo(1);
        assertThat(settledFills()).singleElement().satisfies(fill ->
                assertThat(fill.quantity()).isEqualByComparingTo("0.03"));
    }

    @Test
    void aFailedReadBackLeavesThePlacedChildToReconciliation() {
        for (int i = 0; i < BybitRestConfig.DEFAULT_MAX_ATTEMPTS; i++) {
            fake.restServer().inject("/v5/order/realtime", new FakeBybitFault.HttpStatus(500));
        }

        assertThat(venue.place(child("p1-E1", "0.03")).state()).isEqualTo(OrderStatus.State.NEW);
        venue.reconcile();

        assertThat(venue.query("p1-E1").orElseThrow().state()).isEqualTo(OrderStatus.State.FILLED);
        assertThat(settledFills()).singleElement().satisfies(fill ->
                assertThat(fill.quantity()).isEqualByComparingTo("0.03"));
    }

    @Test
    void aCreateThatNeverReachedBybitIsSettledAsNotPlacedByReconciliation() {
        for (int i = 0; i < BybitRestConfig.DEFAULT_MAX_ATTEMPTS; i++) {
            fake.restServer().inject("/v5/order/create", new FakeBybitFault.HttpStatus(502));
        }

        assertThat(venue.place(child("p1-E1", "0.03")).state()).isEqualTo(OrderStatus.State.NEW);
        venue.reconcile();

        assertThat(venue.query("p1-E1").orElseThrow().state()).isEqualTo(OrderStatus.State.REJECTED);
        assertThat(fake.exchange().ordersAccepted()).isZero();
        assertThat(settledFills()).isEmpty();
    }

    @Test
    void aFailedPrivateStreamStopsTheVenue() {
        venue.onStreamFailed("auth refused: Params Error");

        assertThat(venue.haltReason()).isEqualTo("the private stream failed: auth refused: Params Error");
        assertThat(venue.place(child("p1-E1", "0.01")).state()).isEqualTo(OrderStatus.State.REJECTED);
        assertThat(fake.restServer().received("/v5/order/create")).isEmpty();
    }

    @Test
    void ticksResyncTheClockAndReconcileOnTheirIntervals() {
        var time = new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z"));
        var periodic = new BybitVenue(rest, rest.instrument(FakeBybit.SYMBOL), new BybitVenueConfig(
                Duration.ofSeconds(5), Duration.ofHours(1), 61, Duration.ofMinutes(10)), events, time);
        periodic.subscribe(recorded);
        periodic.place(restingBuy("p1-E1", "0.01"));
        fake.exchange().trade(FakeBybit.SYMBOL, "Sell", "49990.0", "0.004");
        int syncs = fake.restServer().received("/v5/market/time").size();

        periodic.tick();
        assertThat(settledFills()).as("reconciliation not due yet").isEmpty();
        time.set(Instant.parse("2026-01-01T00:00:05Z"));
        periodic.tick();
        assertThat(settledFills()).singleElement().satisfies(fill ->
                assertThat(fill.quantity()).isEqualByComparingTo("0.004"));
        assertThat(fake.restServer().received("/v5/market/time")).hasSize(syncs);
        time.set(Instant.parse("2026-01-01T00:10:00Z"));
        periodic.tick();
        assertThat(fake.restServer().received("/v5/market/time")).hasSize(syncs + 1);
    }

    @Test
    void aTickPublishesTheTouchAndKlineVolume() {
        venue.tick();

        assertThat(recorded.snapshots()).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.bid()).isEqualTo(50000.0);
            assertThat(snapshot.ask()).isEqualTo(50000.1);
            assertThat(snapshot.lastBarVolume()).isCloseTo(1000, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(snapshot.volatility()).isPositive();
        });
    }
}
