package dev.slipstream.execution.cli;

import dev.slipstream.execution.backtest.BacktestConfig;
import dev.slipstream.execution.bench.DecisionLoopLatency;
import dev.slipstream.execution.bench.ReplayThroughput;
import dev.slipstream.execution.venue.BarCsv;
import dev.slipstream.execution.venue.BinanceCaptureReader;
import dev.slipstream.execution.venue.ShippedFixtures;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures the L2 replay's throughput and the decision loop's latency on one thread. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Replay speed of the L2 venue (book updates per second on the Binance depth capture) and "
                + "decision-loop latency percentiles (TWAP on the shipped bars, no advisor).")
final class BenchCommand implements Callable<Integer> {

    static final String BINANCE_CAPTURE = "binance-btcusdt-depth-trades-2024-08-08.txt.gz";

    @Spec CommandSpec spec;

    @Option(names = "--warm-up-passes", defaultValue = "20", description = "replays discarded before measuring")
    int warmUpPasses;
    @Option(names = "--passes", defaultValue = "30", description = "measured replays; the median is reported")
    int passes;
    @Option(names = "--warm-up-orders", defaultValue = "60", description = "parent orders run before timing")
    int warmUpOrders;
    @Option(names = "--orders", defaultValue = "300", description = "timed hour-long TWAP parent orders") int orders;
    @Option(names = "--capture", description = "Binance depth+trades capture (default: the shipped one)")
    @Nullable Path capture;
    @Option(names = "--bars", description = "bars CSV (default: the shipped month)") @Nullable Path bars;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path captureFile = capture != null ? capture : ShippedFixtures.marketData(BINANCE_CAPTURE);
        var replay = ReplayThroughput.measure(BinanceCaptureReader.read(captureFile), BacktestConfig.BTC_PERP,
                warmUpPasses, passes);
        out.println(String.format(Locale.ROOT, "L2 replay of %s: %d events, %d book updates (price levels) in %d "
                        + "depth messages; median of %d passes %.1f ms", captureFile.getFileName(), replay.events(),
                replay.levelUpdates(), replay.depthMessages(), passes, replay.medianSeconds() * 1e3));
        out.println(String.format(Locale.ROOT, "  %,.0f book updates/s, %,.0f depth messages/s on one thread",
                replay.levelUpdatesPerSecond(), replay.depthMessagesPerSecond()));
        Path barsFile = bars != null ? bars : ShippedFixtures.marketData(ShippedFixtures.BTC_PERP_BARS);
        var loop = DecisionLoopLatency.measure(BarCsv.read(barsFile), BacktestConfig.BTC_PERP,
                BacktestConfig.BACKTEST_LIMITS, warmUpOrders, orders);
        out.println(String.format(Locale.ROOT, "decision loop (bar -> TWAP -> caps and validator -> venue -> JSONL, "
                        + "no advisor): %d decisions; p50 %.1f us, p90 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us",
                loop.decisions(), loop.percentileMicros(50), loop.percentileMicros(90), loop.percentileMicros(99),
                loop.percentileMicros(99.9), loop.percentileMicros(100)));
        out.flush();
        return 0;
    }
}
