package dev.slipstream.execution.cli;

import dev.slipstream.execution.advisor.GrpcAdvisor;
import dev.slipstream.execution.advisor.PacedAdvisor;
import dev.slipstream.execution.backtest.Backtest;
import dev.slipstream.execution.backtest.BacktestConfig;
import dev.slipstream.execution.backtest.BacktestResult;
import dev.slipstream.execution.backtest.ComparisonTable;
import dev.slipstream.execution.backtest.HtmlReport;
import dev.slipstream.execution.engine.JsonlAuditLog;
import dev.slipstream.execution.risk.SafetyLimits;
import dev.slipstream.execution.venue.BarCsv;
import dev.slipstream.execution.venue.ShippedFixtures;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs parent orders through each strategy on recorded bars and prints the comparison. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Backtest the strategies on one-minute bars (default: the shipped January 2022 BTC-perp month).")
final class BacktestCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--orders", defaultValue = "100", description = "parent orders (buys and sells)") int orders;
    @Option(names = "--horizon-minutes", defaultValue = "60", description = "each order's horizon") int horizonMinutes;
    @Option(names = "--min-quantity", defaultValue = "10", description = "smallest parent, base units") double minQuantity;
    @Option(names = "--max-quantity", defaultValue = "100", description = "largest parent, base units") double maxQuantity;
    @Option(names = "--seed", defaultValue = "42", description = "seed of the orders and the advisor") long seed;
    @Option(names = "--strategies", split = ",", defaultValue = "twap,vwap,is,pov,adaptive,adaptive-is",
            description = "comma-separated: twap, vwap, is, pov, adaptive, adaptive-is") List<String> strategies;
    @Option(names = "--lambda-bps", defaultValue = "0.01", description = "risk aversion per bps of shortfall")
    double lambdaBps;
    @Option(names = "--pov", defaultValue = "0.10", description = "POV participation") double participation;
    @Option(names = "--impact", defaultValue = "AC", description = "overlay: AC (Almgren-Chriss fitted to the "
            + "square-root law per order) or SQRT (square-root law per child)") BacktestConfig.Overlay overlay;
    @Option(names = "--impact-y", defaultValue = "0.7", description = "square-root law coefficient Y") double impactY;
    @Option(names = "--half-spread-bps", defaultValue = "0.5", description = "half spread added to every bar")
    double halfSpreadBps;
    @Option(names = "--advisor-failure-rate", defaultValue = "0.1", description = "share of advisor calls that fail "
            + "or time out") double advisorFailureRate;
    @Option(names = "--bars", description = "bars CSV (default: the shipped month)") @Nullable Path bars;
    @Option(names = "--gateway", description = "gateway URL, e.g. http://127.0.0.1:8080: the adaptive strategy asks "
            + "its ExecutionDecision (default: the offline rule of thumb); adaptive-is always asks the offline "
            + "square-root law here") @Nullable URI gateway;
    @Option(names = "--api-key", description = "the gateway's API key, sent as Bearer; required with --gateway")
    @Nullable String apiKey;
    @Option(names = "--advisor-timeout-ms", description = "how long an advisor answer may take, also the gRPC "
            + "deadline (default: the backtest limits' 500 ms)") @Nullable Long advisorTimeoutMs;
    @Option(names = "--out", defaultValue = "target/exec-backtest",
            description = "directory for decisions.jsonl and report.html") Path out;

    @Override
    public Integer call() throws Exception {
        BacktestConfig defaults = BacktestConfig.defaults();
        var config = new BacktestConfig(orders, Duration.ofMinutes(horizonMinutes), minQuantity, maxQuantity, seed,
                strategies, lambdaBps, participation, impactY, defaults.permanentShare(), overlay, halfSpreadBps,
                advisorFailureRate, advisorTimeoutMs == null ? defaults.limits()
                        : defaults.limits().withAdvisorTimeout(Duration.ofMillis(advisorTimeoutMs)),
                defaults.instrument());
        Path barsFile = bars != null ? bars : ShippedFixtures.marketData(ShippedFixtures.BTC_PERP_BARS);
        var advisor = gatewayAdvisor(config.limits());
        Files.createDirectories(out);
        BacktestResult result;
        try (BufferedWriter decisions = Files.newBufferedWriter(out.resolve("decisions.jsonl"))) {
            var backtest = new Backtest(BarCsv.read(barsFile), config, new JsonlAuditLog(decisions), advisor);
            result = backtest.run(new ProgressLine(spec.commandLine().getErr(), backtest.runs()));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(ComparisonTable.render(result));
        HtmlReport.write(result, out.resolve("report.html"));
        stdout.println("report: " + out.resolve("report.html") + "  decisions: " + out.resolve("decisions.jsonl"));
        stdout.flush();
        return 0;
    }

    private @Nullable PacedAdvisor gatewayAdvisor(SafetyLimits limits) {
        if (gateway == null && apiKey == null) {
            return null;
        }
        if (gateway == null || apiKey == null) {
            throw new ParameterException(spec.commandLine(), "--gateway and --api-key go together");
        }
        // The gRPC deadline bounds every call; twice that is only a guard.
        return new PacedAdvisor(new GrpcAdvisor(gateway, apiKey, limits), limits.advisorTimeout().multipliedBy(2));
    }
}
