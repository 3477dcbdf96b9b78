package dev.slipstream.execution.venue.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.execution.order.ChildOrder;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.venue.Fill;
import dev.slipstream.execution.venue.bybit.fake.FakeBybit;
import dev.slipstream.execution.venue.bybit.rest.BybitRestClient;
import dev.slipstream.execution.venue.bybit.rest.BybitRestConfig;
import dev.slipstream.execution.venue.bybit.stream.BybitPrivateWebSocket;
import dev.slipstream.execution.venue.bybit.stream.StreamSettings;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live venue end to end against the combined fake: orders over REST, their executions back over the real
 * private WebSocket, and a drop of that socket in the middle of an order.
 */
class BybitVenueOverStreamsTest {

    private static final StreamSettings FAST_RECONNECT = StreamSettings.DEFAULT
            .withBackoff(Duration.ofMillis(300), Duration.ofMillis(600));

    private final FakeBybit fake = new FakeBybit();
    private final VenueEvents events = new VenueEvents();
    private final RecordingVenueListener recorded = new RecordingVenueListener();
    private BybitRestClient rest;
    private BybitVenue venue;
    private BybitPrivateWebSocket stream;

    @BeforeEach
    void open() {
        rest = new BybitRestClient(fake.uri(), new BybitSigner(new BybitCredentials(FakeBybit.API_KEY,
                FakeBybit.API_SECRET)), BybitRestConfig.defaults());
        rest.syncTime();
        // Reconciliation only after a reconnect: the periodic one is an hour away.
        venue = new BybitVenue(rest, rest.instrument(FakeBybit.SYMBOL), new BybitVenueConfig(Duration.ofHours(1),
                Duration.ofHours(1), 61, Duration.ofHours(1)), events, Clock.systemUTC());
        venue.subscribe(recorded);
        stream = new BybitPrivateWebSocket(fake.streams().privateUri(), new BybitSigner(new BybitCredentials(
                FakeBybit.API_KEY, FakeBybit.API_SECRET)), FAST_RECONNECT, rest.serverClock());
        stream.start(venue);
    }

    @AfterEach
    void close() {
        stream.close();
        events.close();
        fake.close();
    }

    private BigDecimal awaitFilled(String quantity) throws InterruptedException {
        return recorded.awaitFilled(quantity, Duration.ofSeconds(10));
    }

    private ChildOrder restingBuy(String id, String quantity) {
        return new ChildOrder(id, "p1", 1, FakeBybit.SYMBOL, Side.BUY, new BigDecimal(quantity),
                new BigDecimal("49990.0"), Instant.now());
    }

    @Test
    void partialFillsArriveOverThePrivateStream() throws Exception {
        venue.place(restingBuy("p1-E1", "0.01"));
        fake.exchange().trade(FakeBybit.SYMBOL, "Sell", "49990.0", "0.004");
        assertThat(awaitFilled("0.004")).isEqualByComparingTo("0.004");
        fake.exchange().trade(FakeBybit.SYMBOL, "Sell", "49990.0", "0.006");

        assertThat(awaitFilled("0.01")).isEqualByComparingTo("0.01");
        assertThat(recorded.fills()).extracting(Fill::quantity).extracting(BigDecimal::toPlainString)
                .containsExactly("0.004", "0.006");
        events.call(() -> null);
        assertThat(venue.query("p1-E1").orElseThrow().state())
                .isEqualTo(dev.slipstream.execution.venue.OrderStatus.State.FILLED);
    }

    @Test
    void aDropMidOrderIsReconciledOverRestWithNoFillLostOrDoubled() throws Exception {
        venue.place(restingBuy("p1-E1", "0.01"));
        fake.exchange().trade(FakeBybit.SYMBOL, "Sell", "49990.0", "0.002");
        assertThat(awaitFilled("0.002")).isEqualByComparingTo("0.002");

        fake.streams().dropAllConnections();
        // While the stream is down these two executions reach nobody.
        fake.exchange().trade(FakeBybit.SYMBOL, "Sell", "49990.0", "0.003");
        fake.exchange().trade(FakeBybit.SYMBOL, "Sell", "49990.0", "0.005");

        assertThat(awaitFilled("0.01")).isEqualByComparingTo("0.01");
        assertThat(stream.connectionsOpened()).as("reconnected").isEqualTo(2);
        assertThat(recorded.fills()).extracting(Fill::quantity).extracting(BigDecimal::toPlainString)
                .as("the lost executions come back as one reconciled fill").containsExactly("0.002", "0.008");
        // Anything still queued has run: nothing more arrives.
        events.call(() -> null);
        events.call(() -> null);
        assertThat(recorded.filled()).isEqualByComparingTo("0.01");
        BigDecimal notional = recorded.fills().stream().map(f -> f.quantity().multiply(f.price()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(notional.divide(recorded.filled(), MathContext.DECIMAL64))
                .isEqualByComparingTo(rest.order(FakeBybit.SYMBOL, "p1-E1").orElseThrow().avgPrice());
    }
}
