package dev.slipstream.execution.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.execution.order.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** On the real Bybit capture (execution-client/fixtures, copied from shared/fixtures); expected values computed independently from the raw file. */
class BybitOrderBookFeedTest {

    static OrderBook replayed() throws IOException {
        var book = new OrderBook();
        var feed = new BybitOrderBookFeed(book);
        List<String> messages = Files.readAllLines(ShippedFixtures.marketData("bybit-xrpusdt-ob500-2024-12-01.jsonl"));
        messages.forEach(feed::apply);
        return book;
    }

    @Test
    void replaysTheCaptureToItsFinalTouch() throws IOException {
        OrderBook book = replayed();

        assertThat(book.bestBid().getKey()).isEqualByComparingTo("1.9537");
        assertThat(book.bestBid().getValue()).isEqualByComparingTo("10605");
        assertThat(book.bestAsk().getKey()).isEqualByComparingTo("1.9538");
        assertThat(book.bestAsk().getValue()).isEqualByComparingTo("6702");
        assertThat(book.depth(Side.BUY)).isEqualTo(500);
        assertThat(book.depth(Side.SELL)).isEqualTo(500);
    }

    @ParameterizedTest(name = "{0} {1} -> notional {2} over {3} levels")
    @CsvSource({"BUY, 100000, 195410.0288, 8", "SELL, 250000, 488154.4840, 18"})
    void takerOrdersWalkTheBook(Side side, String quantity, String notional, int levels) throws IOException {
        OrderBook book = replayed();

        OrderBook.TakerFill fill = book.take(side, new BigDecimal(quantity));

        assertThat(fill.quantity()).isEqualByComparingTo(quantity);
        assertThat(fill.notional()).isEqualByComparingTo(notional);
        assertThat(fill.levels()).isEqualTo(levels);
        BigDecimal firstPrice = fill.notional().divide(fill.quantity(), MathContext.DECIMAL64);
        OrderBook.TakerFill again = book.take(side, new BigDecimal(quantity));
        BigDecimal secondPrice = again.notional().divide(again.quantity(), MathContext.DECIMAL64);
        // The first order consumed the best levels, so the same order again gets a worse price.
        assertThat(side.sign() * secondPrice.compareTo(firstPrice)).isPositive();
    }

    @Test
    void aGapInUpdateIdsAsksForANewSnapshot() {
        var feed = new BybitOrderBookFeed(new OrderBook());
        feed.apply("{\"type\":\"snapshot\",\"data\":{\"u\":10,\"b\":[[\"1.0\",\"5\"]],\"a\":[[\"1.1\",\"5\"]]}}");
        feed.apply("{\"type\":\"delta\",\"data\":{\"u\":11,\"b\":[[\"1.0\",\"0\"]],\"a\":[]}}");

        assertThatThrownBy(() -> feed.apply("{\"type\":\"delta\",\"data\":{\"u\":13,\"b\":[],\"a\":[]}}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("orderbook u: 13 (expected: 12); resubscribe for a snapshot");
    }
}
