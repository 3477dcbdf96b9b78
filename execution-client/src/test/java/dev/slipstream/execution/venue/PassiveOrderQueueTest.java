package dev.slipstream.execution.venue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipstream.execution.order.Side;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PassiveOrderQueueTest {

    @ParameterizedTest(name = "{0} 2 at 100 behind {1}, trades {2} -> fills {3}")
    @CsvSource(delimiter = '|', textBlock = """
        BUY  | 5 | 100x3:SELL 100x4:SELL        | 0 2
        BUY  | 5 | 100x3:SELL 100x1:SELL 99x1:SELL | 0 0 2
        BUY  | 5 | 100x9:BUY 101x9:SELL         | 0 0
        BUY  | 0 | 100x0.5:SELL 100x9:SELL      | 0.5 1.5
        SELL | 1 | 100x1.5:BUY 100x1:SELL       | 0.5 0
        SELL | 1 | 101x1:BUY                    | 2
        SELL | 1 | 99x1:BUY                     | 0
        """)
    void movesOnlyOnTradesAtItsPriceAndFillsOnTradeThrough(Side side, String ahead, String trades, String fills) {
        var queue = new PassiveOrderQueue(side, new BigDecimal("100"), new BigDecimal("2"), new BigDecimal(ahead));
        List<String> got = new ArrayList<>();
        for (String trade : trades.trim().split(" +")) {
            String[] priceQuantity = trade.split(":")[0].split("x");
            got.add(queue.onTrade(new BigDecimal(priceQuantity[0]), new BigDecimal(priceQuantity[1]),
                    Side.valueOf(trade.split(":")[1])).stripTrailingZeros().toPlainString());
        }

        assertThat(got).containsExactlyElementsOf(Arrays.asList(fills.split(" ")));
    }

    /** (stream, data) of each WebSocket message in the real Binance capture. */
    static List<JsonNode[]> capture;

    @BeforeAll
    static void readTheCapture() throws IOException {
        var mapper = new ObjectMapper();
        capture = new ArrayList<>();
        var file = ShippedFixtures.marketData("binance-btcusdt-depth-trades-2024-08-08.txt.gz");
        try (var lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode message = mapper.readTree(line.substring(line.indexOf(' ') + 1));
                if (message.has("stream")) {
                    capture.add(new JsonNode[] {message.get("stream"), message.get("data")});
                }
            }
        }
    }

    /** Expected trade ids found by replaying the raw file with an independent script; #0 fills by a trade through. */
    @ParameterizedTest(name = "joining the bid at book ticker #{0} fills on trade {1}")
    @CsvSource({"0, 3735683264, 61837.63, 3.78826", "1400, 3735683574, 61830.00, 0.08961",
        "5800, 3735684749, 61828.25, 0.20547"})
    void restingBuysOnTheRealBinanceTapeFillWhereTheQueueRunsOut(int ticker, long tradeId, String bid, String ahead) {
        List<JsonNode[]> tickers = capture.stream().filter(m -> m[0].asText().endsWith("@bookTicker")).toList();
        JsonNode touch = tickers.get(ticker)[1];
        assertThat(new BigDecimal(touch.get("b").asText())).isEqualByComparingTo(bid);
        assertThat(new BigDecimal(touch.get("B").asText())).isEqualByComparingTo(ahead);
        var queue = new PassiveOrderQueue(Side.BUY, new BigDecimal(touch.get("b").asText()), new BigDecimal("0.01"),
                new BigDecimal(touch.get("B").asText()));

        long filledOn = -1;
        for (JsonNode[] message : capture.subList(capture.indexOf(tickers.get(ticker)) + 1, capture.size())) {
            JsonNode trade = message[1];
            if (message[0].asText().endsWith("@trade")) {
                // "m": the buyer is the maker, so the taker sold.
                queue.onTrade(new BigDecimal(trade.get("p").asText()), new BigDecimal(trade.get("q").asText()),
                        trade.get("m").asBoolean() ? Side.SELL : Side.BUY);
                if (queue.isFilled()) {
                    filledOn = trade.get("t").asLong();
                    break;
                }
            }
        }

        assertThat(filledOn).isEqualTo(tradeId);
    }
}
