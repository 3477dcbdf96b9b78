package dev.slipstream.execution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.execution.venue.ShippedFixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    private static final Pattern LEVEL = Pattern.compile("\\[\"[0-9.]+\",\"[0-9.]+\"]");
    private static final Pattern PERCENTILES = Pattern.compile(
            "(\\d+) decisions; p50 ([0-9.]+) us, p90 ([0-9.]+) us, p99 ([0-9.]+) us, p99.9 ([0-9.]+) us, max ([0-9.]+) us");

    @Test
    void countsEveryPriceLevelOfTheCaptureAndReportsOrderedPercentiles() throws Exception {
        StringWriter stdout = new StringWriter();
        int exit = new CommandLine(new ExecCli()).setOut(new PrintWriter(stdout)).execute("bench",
                "--warm-up-passes", "0", "--passes", "1", "--warm-up-orders", "0", "--orders", "2");

        assertThat(exit).isZero();
        List<String> lines = stdout.toString().lines().toList();
        assertThat(lines.get(0)).contains("13209 events", rawLevelCount() + " book updates (price levels) in 3451 "
                + "depth messages");
        assertThat(lines.get(1)).matches(" +[0-9,]+ book updates/s, [0-9,]+ depth messages/s on one thread");
        Matcher loop = PERCENTILES.matcher(lines.get(2));
        assertThat(loop.find()).as(lines.get(2)).isTrue();
        // Two hour-long TWAP orders: at most one decision a bar, from the start to the deadline inclusive.
        assertThat(Integer.parseInt(loop.group(1))).isBetween(2, 2 * 61);
        double[] percentiles = {Double.parseDouble(loop.group(2)), Double.parseDouble(loop.group(3)),
                Double.parseDouble(loop.group(4)), Double.parseDouble(loop.group(5)), Double.parseDouble(loop.group(6))};
        assertThat(percentiles).isSorted();
        assertThat(percentiles[0]).isPositive();
    }

    /** The [price, size] pairs of the snapshot and the depth messages, counted straight from the raw capture. */
    private static long rawLevelCount() throws Exception {
        var file = ShippedFixtures.marketData(BenchCommand.BINANCE_CAPTURE);
        try (var lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            return lines.lines().filter(line -> line.contains("lastUpdateId") || line.contains("@depth"))
                    .mapToLong(line -> LEVEL.matcher(line).results().count()).sum();
        }
    }
}
