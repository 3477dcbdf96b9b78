package dev.slipstream.execution.venue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.execution.engine.AuditLog;
import dev.slipstream.execution.engine.EngineState;
import dev.slipstream.execution.engine.ExecutionEngine;
import dev.slipstream.execution.order.ChildOrder;
import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.risk.SafetyLimits;
import dev.slipstream.execution.risk.SafetyValidator;
import dev.slipstream.execution.strategy.ScheduleFollowingStrategy;
import dev.slipstream.execution.strategy.TwapSchedule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On the real Binance BTCUSDT capture (about six minutes of depth diffs and trades). */
class BookReplayVenueTest {

    static final Instrument BTC = new Instrument("BTCUSDT", new BigDecimal("0.00001"), new BigDecimal("0.0001"),
            new BigDecimal("0.01"));

    static List<BookEvent> capture;

    @BeforeAll
    static void readTheCapture() {
        capture = BinanceCaptureReader.read(ShippedFixtures.marketData("binance-btcusdt-depth-trades-2024-08-08.txt.gz"));
    }

    record Replay(BookReplayVenue venue, SimulatedClock clock, List<Fill> fills, List<MarketSnapshot> markets) {}

    static Replay replay() {
        var clock = new SimulatedClock(Instant.EPOCH);
        var venue = new BookReplayVenue(capture, BTC, clock);
        List<Fill> fills = new ArrayList<>();
        List<MarketSnapshot> markets = new ArrayList<>();
        venue.subscribe(new VenueListener() {
            @Override
            public void onMarketData(MarketSnapshot snapshot) {
                markets.add(snapshot);
            }

            @Override
            public void onFill(Fill fill) {
                fills.add(fill);
            }
        });
        return new Replay(venue, clock, fills, markets);
    }

    static ParentOrder parent(Side side, String quantity, Instant start, Duration horizon) {
        return new ParentOrder("L2", "BTCUSDT", side, new BigDecimal(quantity), start, start.plus(horizon),
                new BigDecimal("61800"), 0);
    }

    @Test
    void buildsTheBookFromTheSnapshotAndKeepsItUncrossed() {
        Replay replay = replay();
        while (replay.venue().advance()) {
            // replay everything
        }

        assertThat(replay.markets()).hasSizeGreaterThan(10_000)
                .allSatisfy(market -> assertThat(market.bid()).isLessThan(market.ask()));
        MarketSnapshot last = replay.markets().getLast();
        assertThat(last.lastBarVolume()).isPositive();
        assertThat(last.volatility()).isPositive().isLessThan(0.01);
    }

    @Test
    void aMarketOrderWalksTheBookAndAPostOnlyOrderThatWouldCrossIsRejected() {
        Replay replay = replay();
        while (replay.markets().size() < 100) {
            replay.venue().advance();
        }
        MarketSnapshot touch = replay.markets().getLast();
        ParentOrder parent = parent(Side.BUY, "50", touch.time(), Duration.ofMinutes(1));

        OrderStatus market = replay.venue().place(ChildOrder.of(parent, 1, new BigDecimal("50"), null, touch.time()));
        OrderStatus crossing = replay.venue().place(ChildOrder.of(parent, 2, new BigDecimal("0.1"),
                BigDecimal.valueOf(touch.ask()).add(new BigDecimal("100")), touch.time()));

        assertThat(market.state()).isEqualTo(OrderStatus.State.FILLED);
        assertThat(market.averagePrice().doubleValue()).isGreaterThan(touch.ask());
        assertThat(replay.venue().current().ask()).as("the walk consumed the best levels").isGreaterThan(touch.ask());
        assertThat(crossing.state()).isEqualTo(OrderStatus.State.REJECTED);
    }

    @Test
    void aRestingBidFillsFromTheTapeAndCanBeCancelledBefore() {
        Replay replay = replay();
        while (replay.markets().size() < 100) {
            replay.venue().advance();
        }
        MarketSnapshot touch = replay.markets().getLast();
        ParentOrder parent = parent(Side.BUY, "0.02", touch.time(), Duration.ofMinutes(5));
        BigDecimal bid = BigDecimal.valueOf(touch.bid());
        ChildOrder resting = ChildOrder.of(parent, 1, new BigDecimal("0.01"), bid, touch.time());
        ChildOrder cancelled = ChildOrder.of(parent, 2, new BigDecimal("0.01"), bid, touch.time());

        assertThat(replay.venue().place(resting).state()).isEqualTo(OrderStatus.State.NEW);
        replay.venue().place(cancelled);
        assertThat(replay.venue().cancel(cancelled.id())).isTrue();
        while (replay.fills().isEmpty() && replay.venue().advance()) {
            // wait for the tape to reach us
        }

        assertThat(replay.fills()).extracting(Fill::childId).containsOnly(resting.id());
        assertThat(replay.fills()).extracting(Fill::price).containsOnly(bid);
        assertThat(replay.venue().query(cancelled.id())).get().extracting(OrderStatus::state)
                .isEqualTo(OrderStatus.State.CANCELLED);
    }

    @Test
    void theEngineWorksATwapAgainstTheRealBook() {
        Replay replay = replay();
        while (replay.markets().isEmpty()) {
            replay.venue().advance();
        }
        Instant start = replay.markets().getLast().time();
        ParentOrder parent = parent(Side.SELL, "1", start, Duration.ofMinutes(4));
        var limits = new SafetyLimits(0.5, new BigDecimal("1000000"), Duration.ofSeconds(10), 5, 300, 100, 0.01, 10,
                Duration.ofMillis(500));
        var engine = new ExecutionEngine(parent, BTC, new ScheduleFollowingStrategy("twap",
                TwapSchedule.build(parent, BTC, Duration.ofSeconds(30), 0, new Random(1))), new SafetyValidator(limits),
                limits, replay.venue(), replay.clock(), AuditLog.NONE);
        engine.start();
        while (replay.venue().advance() && !engine.state().isTerminal()) {
            // the engine acts on every book update
        }

        assertThat(engine.state()).isEqualTo(EngineState.COMPLETE);
        assertThat(engine.filled()).isEqualByComparingTo("1");
        assertThat(engine.childOrders()).isBetween(8, 12);
        assertThat(engine.averagePrice()).isBetween(61_000.0, 62_500.0);
    }
}
