package dev.slipstream.execution.venue.bybit.stream;

import static dev.slipstream.execution.venue.bybit.stream.RecordingPrivateListener.WAIT;
import static dev.slipstream.execution.venue.bybit.stream.RecordingPrivateListener.next;
import static dev.slipstream.execution.venue.bybit.stream.RecordingPrivateListener.nextContaining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.venue.bybit.BybitCredentials;
import dev.slipstream.execution.venue.bybit.BybitTicker;
import dev.slipstream.execution.venue.bybit.BybitTrade;
import dev.slipstream.execution.venue.bybit.fake.FakeBybitStreams;
import dev.slipstream.execution.venue.bybit.stream.RecordingPublicListener.BookCopy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public stream against the local fake: book snapshot/deltas, u gap and u = 1, tickers, trades, refusals. */
class BybitPublicWebSocketTest {

    private static final String SYMBOL = "BTCUSDT";
    private static final String BOOK_TOPIC = "orderbook.50." + SYMBOL;
    private static final StreamSettings FAST = StreamSettings.DEFAULT
            .withBackoff(Duration.ofMillis(100), Duration.ofMillis(400));

    private FakeBybitStreams fake;
    private BybitPublicWebSocket stream;
    private final RecordingPublicListener listener = new RecordingPublicListener();

    @BeforeEach
    void startFake() {
        fake = FakeBybitStreams.start(new BybitCredentials("fake-key", "fake-secret"));
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        fake.close();
    }

    private void subscribe(StreamSettings settings) throws InterruptedException {
        stream = new BybitPublicWebSocket(fake.publicUri(), settings);
        stream.subscribe(SYMBOL, listener);
        fake.await("the book subscription", WAIT, () -> fake.subscriptions(BOOK_TOPIC) == 1);
    }

    /** Levels written as "price:size" pairs, in order. */
    private static Map<String, String> levels(String... pairs) {
        Map<String, String> levels = new LinkedHashMap<>();
        for (String pair : pairs) {
            String[] parts = pair.split(":");
            levels.put(parts[0], parts[1]);
        }
        return levels;
    }

    private static NavigableMap<BigDecimal, BigDecimal> book(String... pairs) {
        NavigableMap<BigDecimal, BigDecimal> book = new TreeMap<>();
        levels(pairs).forEach((price, size) -> book.put(new BigDecimal(price), new BigDecimal(size)));
        return book;
    }

    private static void assertBook(BookCopy copy, NavigableMap<BigDecimal, BigDecimal> bids,
            NavigableMap<BigDecimal, BigDecimal> asks) {
        assertThat(copy.bids()).isEqualTo(bids);
        assertThat(copy.asks()).isEqualTo(asks);
    }

    @Test
    void aSnapshotThenDeltasKeepTheBookLevelForLevel() throws Exception {
        fake.publishBookSnapshot(SYMBOL, levels("100:1", "99:2"), levels("101:1", "102:3"));
        subscribe(FAST);
        assertBook(next(listener.books, "snapshot on subscribe"), book("100:1", "99:2"), book("101:1", "102:3"));

        fake.publishBookDelta(SYMBOL, levels("100:0", "99.5:4"), levels("101:5"));
        fake.publishBookDelta(SYMBOL, levels(), levels("100.5:2", "102:0"));

        assertBook(next(listener.books, "first delta"), book("99.5:4", "99:2"), book("101:5", "102:3"));
        BookCopy last = next(listener.books, "second delta");
        assertBook(last, book("99.5:4", "99:2"), book("100.5:2", "101:5"));
        assertThat(last.bids().firstKey()).isLessThan(last.asks().firstKey()); // bids are best (highest) first
    }

    @Test
    void aGapInUpdateIdsResubscribesAndRebuildsFromAFreshSnapshot() throws Exception {
        fake.publishBookSnapshot(SYMBOL, levels("100:1"), levels("101:1"));
        subscribe(FAST);
        next(listener.books, "snapshot on subscribe");

        fake.publishBookDeltaAfterAGap(SYMBOL, levels("100:7"), levels("101.5:2"));

        assertThat(nextContaining(listener.errors, "resubscribing for a fresh snapshot")).contains(BOOK_TOPIC);
        fake.await("the book resubscription", WAIT, () -> fake.subscriptions(BOOK_TOPIC) == 2);
        // The fresh snapshot holds the change whose message the gap lost.
        assertBook(next(listener.books, "fresh snapshot"), book("100:7"), book("101:1", "101.5:2"));
        fake.publishBookDelta(SYMBOL, levels("99:3"), levels());
        assertBook(next(listener.books, "delta after the resync"), book("100:7", "99:3"), book("101:1", "101.5:2"));
        assertThat(fake.subscriptions("publicTrade." + SYMBOL)).isEqualTo(1);
        assertThat(stream.connectionsOpened()).isEqualTo(1);
    }

    @Test
    void updateIdOneMeansTheServiceRestartedAndOverwritesTheBook() throws Exception {
        fake.publishBookSnapshot(SYMBOL, levels("100:1", "99:1"), levels("101:1"));
        subscribe(FAST);
        next(listener.books, "snapshot on subscribe");
        fake.publishBookDelta(SYMBOL, levels("98:1"), levels());
        next(listener.books, "delta");

        fake.restartBookService(SYMBOL, levels("97:5"), levels("103:5"));
        assertBook(next(listener.books, "u = 1"), book("97:5"), book("103:5"));
        fake.publishBookDelta(SYMBOL, levels("97.5:1"), levels());

        assertBook(next(listener.books, "u = 2 after the restart"), book("97:5", "97.5:1"), book("103:5"));
        assertThat(fake.subscriptions(BOOK_TOPIC)).isEqualTo(1);
        assertThat(listener.errors).isEmpty();
    }

    @Test
    void tickerDeltasChangeOnlyTheFieldsTheyCarry() throws Exception {
        Map<String, String> snapshot = new LinkedHashMap<>();
        snapshot.put("tickDirection", "PlusTick");
        snapshot.put("lastPrice", "17216.00");
        snapshot.put("markPrice", "17217.33");
        snapshot.put("indexPrice", "17227.36");
        snapshot.put("openInterest", "68744.761");
        snapshot.put("turnover24h", "1570383121.943499");
        snapshot.put("volume24h", "91705.276");
        snapshot.put("nextFundingTime", "1673280000000");
        snapshot.put("fundingRate", "-0.000212");
        snapshot.put("bid1Price", "17215.50");
        snapshot.put("bid1Size", "84.489");
        snapshot.put("ask1Price", "17216.00");
        snapshot.put("ask1Size", "83.020");
        fake.publishTickerSnapshot(SYMBOL, snapshot);
        subscribe(FAST);
        BybitTicker first = next(listener.tickers, "ticker snapshot on subscribe");
        assertThat(first.fundingRate()).isEqualByComparingTo("-0.000212");

        fake.publishTickerDelta(SYMBOL, Map.of("bid1Price", "17216.50", "lastPrice", "17217.00",
                "openInterest", "68745.1"));

        BybitTicker merged = next(listener.tickers, "merged ticker");
        assertThat(merged).isEqualTo(new BybitTicker(SYMBOL, new BigDecimal("17216.50"), new BigDecimal("17216.00"),
                new BigDecimal("17217.00"), new BigDecimal("17217.33"), new BigDecimal("-0.000212"),
                Instant.ofEpochMilli(1673280000000L), new BigDecimal("68745.1"), new BigDecimal("91705.276"),
                new BigDecimal("1570383121.943499")));
    }

    @Test
    void tradesArriveWithTheTakerSide() throws Exception {
        subscribe(FAST);
        List<BybitTrade> trades = List.of(
                new BybitTrade("t-1", SYMBOL, Side.BUY, new BigDecimal("0.001"), new BigDecimal("16578.50"),
                        Instant.ofEpochMilli(1672304486865L)),
                new BybitTrade("t-2", SYMBOL, Side.SELL, new BigDecimal("0.25"), new BigDecimal("16578.00"),
                        Instant.ofEpochMilli(1672304486866L)));

        fake.publishTrades(SYMBOL, trades);

        assertThat(next(listener.trades, "first trade")).isEqualTo(trades.get(0));
        assertThat(next(listener.trades, "second trade")).isEqualTo(trades.get(1));
    }

    @Test
    void aRefusedSubscriptionIsReportedWithBybitsReason() throws Exception {
        stream = new BybitPublicWebSocket(fake.publicUri(), FAST);
        stream.subscribe("NOPEUSDT", listener);

        assertThat(nextContaining(listener.errors, "Bybit refused to subscribe"))
                .isEqualTo("Bybit refused to subscribe [orderbook.50.NOPEUSDT, publicTrade.NOPEUSDT, "
                        + "tickers.NOPEUSDT]: Invalid symbol :[orderbook.50.NOPEUSDT]");
    }

    @Test
    void badSymbolsAreRefusedBeforeAnythingIsSent() {
        stream = new BybitPublicWebSocket(fake.publicUri(), FAST);

        assertThatThrownBy(() -> stream.subscribe("btc/usdt", listener))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("symbol: \"btc/usdt\" (expected: like BTCUSDT)");
        assertThat(fake.publicConnections()).isZero();
    }

    @Test
    void aDropResubscribesEverythingAndStartsFromAFreshSnapshot() throws Exception {
        fake.publishBookSnapshot(SYMBOL, levels("100:1"), levels("101:1"));
        subscribe(FAST);
        next(listener.books, "snapshot on subscribe");

        fake.dropAllConnections();
        fake.publishBookSnapshot(SYMBOL, levels("100:2"), levels("101:2"));

        assertThat(nextContaining(listener.errors, "public stream dropped")).contains("reconnecting in");
        fake.await("resubscribed", WAIT, () -> fake.subscriptions(BOOK_TOPIC) == 2);
        assertBook(next(listener.books, "snapshot after the reconnect"), book("100:2"), book("101:2"));
        assertThat(fake.subscriptions("publicTrade." + SYMBOL)).isEqualTo(2);
        assertThat(fake.subscriptions("tickers." + SYMBOL)).isEqualTo(2);
    }

    @Test
    void aMessageOverTheLimitDropsTheConnectionWithAClearError() throws Exception {
        subscribe(FAST.withMaxMessageChars(1024));
        List<BybitTrade> many = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> new BybitTrade("t-" + i, SYMBOL, Side.BUY, BigDecimal.ONE, new BigDecimal("100"),
                        Instant.ofEpochMilli(1_700_000_000_000L + i)))
                .toList();

        fake.publishTrades(SYMBOL, many);

        assertThat(nextContaining(listener.errors, "message over 1024 chars")).startsWith("public stream");
        fake.await("reconnected", WAIT, () -> fake.subscriptions(BOOK_TOPIC) == 2);
        assertThat(listener.trades).isEmpty();
    }

    @Test
    void aThrowingListenerDoesNotStopTheStream() throws Exception {
        RecordingPublicListener throwing = new RecordingPublicListener() {
            @Override
            public void onTrade(BybitTrade trade) {
                if (trade.tradeId().equals("t-1")) {
                    throw new IllegalStateException("listener bug");
                }
                super.onTrade(trade);
            }
        };
        stream = new BybitPublicWebSocket(fake.publicUri(), FAST);
        stream.subscribe(SYMBOL, throwing);
        fake.await("subscribed", WAIT, () -> fake.subscriptions(BOOK_TOPIC) == 1);
        BybitTrade second = new BybitTrade("t-2", SYMBOL, Side.SELL, BigDecimal.ONE, BigDecimal.TEN,
                Instant.ofEpochMilli(1_700_000_000_000L));

        fake.publishTrades(SYMBOL, List.of(new BybitTrade("t-1", SYMBOL, Side.BUY, BigDecimal.ONE, BigDecimal.TEN,
                Instant.ofEpochMilli(1_700_000_000_000L)), second));

        assertThat(next(throwing.trades, "the trade after the throw")).isEqualTo(second);
        assertThat(nextContaining(throwing.errors, "listener bug")).contains("onTrade failed");
        assertThat(stream.connectionsOpened()).isEqualTo(1);
    }
}
