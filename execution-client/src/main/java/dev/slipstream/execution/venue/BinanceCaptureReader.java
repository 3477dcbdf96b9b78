package dev.slipstream.execution.venue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipstream.execution.order.Side;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads hftbacktest-style captures of Binance spot streams: one {@code <receive time ns> <json>} a line, the JSON a
 * combined-stream message ({@code depth@100ms} diffs, {@code trade}) or a REST depth snapshot
 * ({@code lastUpdateId, bids, asks}). Book tickers are skipped: the book itself gives the touch.
 */
public final class BinanceCaptureReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BinanceCaptureReader() {}

    public static List<BookEvent> read(Path gzipFile) {
        List<BookEvent> events = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipFile));
                var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int space = line.indexOf(' ');
                long nanos = Long.parseLong(line.substring(0, space));
                Instant time = Instant.ofEpochSecond(0, nanos);
                BookEvent event = parse(time, MAPPER.readTree(line.substring(space + 1)));
                if (event != null) {
                    events.add(event);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the capture " + gzipFile, e);
        }
        return events;
    }

    private static @Nullable BookEvent parse(Instant time, JsonNode message) {
        if (message.has("lastUpdateId")) {
            return new BookEvent.Snapshot(time, message.get("lastUpdateId").asLong(), levels(message.get("bids")),
                    levels(message.get("asks")));
        }
        String stream = message.path("stream").asText();
        JsonNode data = message.path("data");
        if (stream.endsWith("@trade")) {
            // Binance "m": the buyer is the maker, so the seller was the taker.
            return new BookEvent.Trade(time, new BigDecimal(data.get("p").asText()),
                    new BigDecimal(data.get("q").asText()), data.get("m").asBoolean() ? Side.SELL : Side.BUY);
        }
        if (stream.contains("@depth")) {
            return new BookEvent.Depth(time, data.get("U").asLong(), data.get("u").asLong(), levels(data.get("b")),
                    levels(data.get("a")));
        }
        return null;
    }

    private static List<BookEvent.Level> levels(JsonNode levels) {
        List<BookEvent.Level> parsed = new ArrayList<>();
        levels.forEach(level -> parsed.add(new BookEvent.Level(new BigDecimal(level.get(0).asText()),
                new BigDecimal(level.get(1).asText()))));
        return parsed;
    }
}
