package dev.slipstream.execution.venue.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.venue.OrderBook;
import dev.slipstream.execution.venue.bybit.fake.FakeBybit;
import dev.slipstream.execution.venue.bybit.rest.BybitRestClient;
import dev.slipstream.execution.venue.bybit.rest.BybitRestConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Market data polled over REST reaches the public stream's listener: books, new trades once each, tickers. */
class RestPollingPublicStreamTest {

    @Test
    void passesOnBooksTickersAndOnlyTradesAfterTheSubscription() throws Exception {
        try (FakeBybit fake = new FakeBybit()) {
            fake.exchange().trade(FakeBybit.SYMBOL, "Sell", "50000.0", "9");
            var rest = new BybitRestClient(fake.uri(), null, BybitRestConfig.defaults());
            List<BybitTrade> trades = new CopyOnWriteArrayList<>();
            List<BigDecimal> bestBids = new CopyOnWriteArrayList<>();
            CountDownLatch tickers = new CountDownLatch(3);
            try (var stream = new RestPollingPublicStream(rest, Duration.ofMillis(20), 5)) {
                stream.subscribe(FakeBybit.SYMBOL, new PublicStreamListener() {
                    @Override
                    public void onBook(String symbol, OrderBook book, Instant time) {
                        bestBids.add(book.bestBid().getKey());
                    }

                    @Override
                    public void onTrade(BybitTrade trade) {
                        trades.add(trade);
                    }

                    @Override
                    public void onTicker(BybitTicker ticker) {
                        tickers.countDown();
                    }
                });
                fake.exchange().trade(FakeBybit.SYMBOL, "Buy", "50000.1", "0.2");
                fake.exchange().trade(FakeBybit.SYMBOL, "Sell", "50000.0", "0.3");
                assertThat(tickers.await(5, TimeUnit.SECONDS)).isTrue();
                CountDownLatch more = new CountDownLatch(2);
                // two more polls after both trades were listed
                stream.subscribe(FakeBybit.SYMBOL, new PublicStreamListener() {
                    @Override
                    public void onBook(String symbol, OrderBook book, Instant time) {}

                    @Override
                    public void onTrade(BybitTrade trade) {}

                    @Override
                    public void onTicker(BybitTicker ticker) {
                        more.countDown();
                    }
                });
                assertThat(more.await(5, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(trades).extracting(BybitTrade::size).extracting(BigDecimal::toPlainString)
                    .containsExactly("0.2", "0.3");
            assertThat(trades.get(0).takerSide()).isEqualTo(Side.BUY);
            assertThat(bestBids).isNotEmpty().allSatisfy(bid -> assertThat(bid).isEqualByComparingTo("50000.0"));
        }
    }
}
