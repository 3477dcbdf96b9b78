package dev.slipstream.execution.venue.bybit.stream;

import static dev.slipstream.execution.venue.bybit.stream.RecordingPrivateListener.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipstream.execution.venue.ShippedFixtures;
import dev.slipstream.execution.venue.bybit.BybitCredentials;
import dev.slipstream.execution.venue.bybit.fake.FakeBybitStreams;
import dev.slipstream.execution.venue.bybit.stream.RecordingPublicListener.BookCopy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: the real captured {@code orderbook.500.XRPUSDT} messages, sent unchanged by the fake, go through the
 * public stream's own parser; the book after the last delta is consistent and equals a rebuild written here with
 * plain maps.
 */
class CapturedBookReplayTest {

    private static final String CAPTURE = "bybit-xrpusdt-ob500-2024-12-01.jsonl";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The capture applied with plain sorted maps, checking that every delta's u follows the previous one. */
    private record Rebuild(TreeMap<BigDecimal, BigDecimal> bids, TreeMap<BigDecimal, BigDecimal> asks,
            long firstU, long lastU) {

        static Rebuild of(List<String> lines) throws Exception {
            TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>();
            TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
            long firstU = -1;
            long previousU = -1;
            for (String line : lines) {
                JsonNode message = MAPPER.readTree(line);
                long u = message.get("data").get("u").asLong();
                if (message.get("type").asText().equals("snapshot")) {
                    bids.clear();
                    asks.clear();
                    firstU = u;
                } else {
                    assertThat(u).as("u after %d", previousU).isEqualTo(previousU + 1);
                }
                previousU = u;
                put(bids, message.get("data").get("b"));
                put(asks, message.get("data").get("a"));
            }
            return new Rebuild(bids, asks, firstU, previousU);
        }

        private static void put(Map<BigDecimal, BigDecimal> side, JsonNode levels) {
            for (JsonNode level : levels) {
                BigDecimal price = new BigDecimal(level.get(0).asText());
                BigDecimal size = new BigDecimal(level.get(1).asText());
                if (size.signum() == 0) {
                    side.remove(price);
                } else {
                    side.put(price, size);
                }
            }
        }
    }

    @Test
    void theCapturedBookReplaysThroughTheLiveStreamToTheIndependentRebuild() throws Exception {
        List<String> lines = Files.readAllLines(ShippedFixtures.marketData(CAPTURE));
        Rebuild expected = Rebuild.of(lines);
        RecordingPublicListener listener = new RecordingPublicListener();

        try (FakeBybitStreams fake = FakeBybitStreams.start(new BybitCredentials("fake-key", "fake-secret"));
                BybitPublicWebSocket stream = new BybitPublicWebSocket(fake.publicUri(),
                        StreamSettings.DEFAULT.withBookDepth(500))) {
            stream.subscribe("XRPUSDT", listener);
            fake.await("subscribed", WAIT, () -> fake.subscriptions("orderbook.500.XRPUSDT") == 1);
            lines.forEach(fake::publishPublicRaw);

            BookCopy last = null;
            for (int i = 0; i < lines.size(); i++) {
                last = listener.books.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(last).as("book after message %d of %d", i + 1, lines.size()).isNotNull();
            }

            assertThat(listener.errors).as("no u gap, no malformed message").isEmpty();
            assertThat(expected.lastU() - expected.firstU()).isEqualTo(lines.size() - 1);
            assertThat(last.bids()).isEqualTo(expected.bids());
            assertThat(last.asks()).isEqualTo(expected.asks());
            assertThat(last.bids().firstKey()).as("best bid below best ask").isLessThan(last.asks().firstKey());
            assertThat(last.bids().values()).allMatch(size -> size.signum() > 0);
            assertThat(last.asks().values()).allMatch(size -> size.signum() > 0);
            // Figures of the final touch, as BybitOrderBookFeedTest computed them from the raw file.
            assertThat(last.bids().firstEntry())
                    .isEqualTo(Map.entry(new BigDecimal("1.9537"), new BigDecimal("10605")));
            assertThat(last.asks().firstEntry())
                    .isEqualTo(Map.entry(new BigDecimal("1.9538"), new BigDecimal("6702")));
            assertThat(last.bids()).hasSize(500);
            assertThat(last.asks()).hasSize(500);
        }
    }
}
