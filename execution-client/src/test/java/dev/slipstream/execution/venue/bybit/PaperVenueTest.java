package dev.slipstream.execution.venue.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.execution.order.ChildOrder;
import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.venue.Fill;
import dev.slipstream.execution.venue.OrderBook;
import dev.slipstream.execution.venue.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Paper trading: live stream callbacks in, simulated fills out, nothing sent anywhere. */
class PaperVenueTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instrument BTC = new Instrument("BTCUSDT", new BigDecimal("0.001"), new BigDecimal("0.001"),
            new BigDecimal("0.1"));

    private final VenueEvents events = new VenueEvents();
    private final PaperVenue venue = new PaperVenue(BTC, events, T0);
    private final RecordingVenueListener recorded = new RecordingVenueListener();

    PaperVenueTest() {
        venue.subscribe(recorded);
    }

    @AfterEach
    void close() {
        events.close();
    }

    private void book(Instant time) {
        OrderBook book = new OrderBook();
        book.setBid(new BigDecimal("100.0"), new BigDecimal("1"));
        book.setAsk(new BigDecimal("100.1"), new BigDecimal("0.5"));
        book.setAsk(new BigDecimal("100.2"), new BigDecimal("2"));
        venue.onBook("BTCUSDT", book, time);
    }

    private OrderStatus place(String id, String quantity, @Nullable String limit) {
        ChildOrder child = new ChildOrder(id, "p", 1, "BTCUSDT", Side.BUY, new BigDecimal(quantity),
                limit == null ? null : new BigDecimal(limit), T0);
        return events.call(() -> venue.place(child));
    }

    @Test
    void noSnapshotBeforeTheFirstBookThenTheTouch() {
        venue.tick();
        assertThat(recorded.snapshots()).isEmpty();

        book(T0.plusSeconds(1));
        venue.tick();

        assertThat(recorded.snapshots()).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.bid()).isEqualTo(100.0);
            assertThat(snapshot.ask()).isEqualTo(100.1);
        });
    }

    @Test
    void aMarketOrderWalksTheLiveBook() {
        book(T0.plusSeconds(1));

        OrderStatus status = place("p-E1", "1", null);

        assertThat(status.state()).isEqualTo(OrderStatus.State.FILLED);
        // 0.5 at 100.1 and 0.5 at 100.2
        assertThat(status.averagePrice()).isEqualByComparingTo("100.15");
        assertThat(recorded.fills()).singleElement()
                .satisfies(fill -> assertThat(fill.quantity()).isEqualByComparingTo("1"));
    }

    @Test
    void aRestingLimitQueuesBehindTheLevelAndFillsOnLaterTrades() {
        book(T0.plusSeconds(1));
        assertThat(place("p-E1", "0.5", "100.0").state()).isEqualTo(OrderStatus.State.NEW);

        // 1 ahead of us at 100.0: a sell of 1.2 clears the queue and gives us 0.2; a trade through fills the rest.
        venue.onTrade(new BybitTrade("t1", "BTCUSDT", Side.SELL, new BigDecimal("1.2"), new BigDecimal("100.0"),
                T0.plusSeconds(2)));
        venue.onTrade(new BybitTrade("t2", "BTCUSDT", Side.SELL, new BigDecimal("5"), new BigDecimal("99.9"),
                T0.plusSeconds(1)));
        events.call(() -> null);

        assertThat(recorded.fills()).extracting(Fill::quantity).extracting(BigDecimal::toPlainString)
                .containsExactly("0.2", "0.3");
        assertThat(recorded.fills().get(1).time()).as("topics out of order: the clock never goes back")
                .isEqualTo(T0.plusSeconds(2));
        assertThat(venue.query("p-E1").orElseThrow().state()).isEqualTo(OrderStatus.State.FILLED);
    }
}
