package dev.slipstream.execution.cli;

import dev.slipstream.execution.engine.EngineState;
import dev.slipstream.execution.engine.ExecutionEngine;
import dev.slipstream.execution.engine.JsonlAuditLog;
import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.risk.SafetyLimits;
import dev.slipstream.execution.risk.SafetyValidator;
import dev.slipstream.execution.strategy.ExecutionStrategy;
import dev.slipstream.execution.venue.BookEvent;
import dev.slipstream.execution.venue.bybit.BybitMode;
import dev.slipstream.execution.venue.bybit.BybitSessionSettings;
import dev.slipstream.execution.venue.bybit.BybitTradingSession;
import dev.slipstream.execution.venue.bybit.BybitVenueConfig;
import dev.slipstream.execution.venue.bybit.rest.BybitException;
import dev.slipstream.execution.venue.bybit.rest.BybitRestConfig;
import dev.slipstream.execution.venue.bybit.stream.BybitStreamException;
import dev.slipstream.execution.venue.bybit.stream.StreamSettings;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Works one parent order on Bybit (paper, testnet or mainnet) with the chosen strategy, the optional advisor and the
 * safety limits: the engine decides on each market tick, progress is printed as fills arrive, the execution report
 * at the end. Keys come from the environment only; mainnet needs an explicit confirmation flag.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Execute one parent order on Bybit: --venue paper (live data, simulated fills), testnet or "
                + "mainnet (keys from BYBIT_API_KEY / BYBIT_API_SECRET).")
final class RunCommand implements Callable<Integer> {

    static final int COMPLETE = 0;
    static final int INCOMPLETE = 1;
    static final int FAILED = 2;
    static final int HALTED = 3;

    @Spec CommandSpec spec;

    @Option(names = "--venue", required = true, description = "paper, testnet or mainnet") String venue;
    @Option(names = "--symbol", required = true, description = "e.g. BTCUSDT") String symbol;
    @Option(names = "--side", required = true, description = "buy or sell") String side;
    @Option(names = "--quantity", required = true, description = "base units") BigDecimal quantity;
    @Option(names = "--strategy", defaultValue = "twap", description = "twap, vwap, is, pov, adaptive or adaptive-is")
    String strategy;
    @Option(names = "--horizon-seconds", defaultValue = "600", description = "time to complete the order")
    long horizonSeconds;
    @Option(names = "--interval-seconds", defaultValue = "60",
            description = "slice interval (vwap: whole minutes)") long intervalSeconds;
    @Option(names = "--tick-ms", defaultValue = "1000", description = "how often the engine sees the market")
    long tickMillis;
    @Option(names = "--grace-seconds", defaultValue = "30", description = "how long after the horizon to wait for "
            + "fills before the report") long graceSeconds;
    @Option(names = "--order-id", description = "parent id, 1-28 of [A-Za-z0-9_-] (default: run + time)")
    @Nullable String orderId;
    @Option(names = "--category", defaultValue = "linear", description = "linear, inverse or spot") String category;
    @Option(names = "--endpoint-override", description = "REST base URL instead of Bybit's (a local fake); its "
            + "streams at ws://host:port/v5/public/{category} and /v5/private") @Nullable URI endpointOverride;
    @Option(names = "--stream-endpoint-override", description = "ws://host:port of the streams when they are not "
            + "on the --endpoint-override host") @Nullable URI streamOverride;
    @Option(names = BybitSessionSettings.CONFIRMATION_FLAG, description = "required with --venue mainnet")
    boolean realMoneyConfirmed;
    @Option(names = "--advisor", description = "gateway host:port whose ExecutionAdvisorService advises the "
            + "adaptive (ExecutionDecision) and adaptive-is (ImpactAdjustment) strategies; API key from "
            + "SLIPSTREAM_API_KEY") @Nullable String advisor;
    @Option(names = "--pov", defaultValue = "0.10", description = "POV participation") double participation;
    @Option(names = "--lambda-bps", defaultValue = "0.01", description = "IS risk aversion per bps") double lambdaBps;
    @Option(names = "--max-participation", defaultValue = "0.25", description = "largest child as a share of the last "
            + "bar's volume") double maxParticipation;
    @Option(names = "--max-order-notional", defaultValue = "100000", description = "largest child notional (quote)")
    BigDecimal maxOrderNotional;
    @Option(names = "--min-interval-ms", defaultValue = "1000", description = "shortest time between children")
    long minIntervalMillis;
    @Option(names = "--max-spread-bps", defaultValue = "10", description = "no market child above this spread")
    double maxSpreadBps;
    @Option(names = "--max-deviation-bps", defaultValue = "200", description = "no child when the mid is further "
            + "than this from the decision price") double maxDeviationBps;
    @Option(names = "--shortfall-alert-bps", defaultValue = "20", description = "shortfall that logs an alert")
    double shortfallAlertBps;
    @Option(names = "--volatility-halt", defaultValue = "0.02", description = "no child while the one-minute "
            + "volatility is above this") double volatilityHalt;
    @Option(names = "--max-orders-per-minute", defaultValue = "30", description = "most children in any minute")
    int maxOrdersPerMinute;
    @Option(names = "--advisor-timeout-ms", defaultValue = "500", description = "advisor answer deadline; later "
            + "keeps the TWAP slice") long advisorTimeoutMillis;
    @Option(names = "--recv-window-ms", defaultValue = "5000", description = "signed request validity")
    long recvWindowMillis;
    @Option(names = "--request-timeout-ms", defaultValue = "5000", description = "one REST request's timeout")
    long requestTimeoutMillis;
    @Option(names = "--max-attempts", defaultValue = "4", description = "tries of one REST call") int maxAttempts;
    @Option(names = "--reconcile-ms", defaultValue = "5000", description = "open orders checked over REST this often")
    long reconcileMillis;
    @Option(names = "--market-data", defaultValue = "websocket", description = "websocket (the public stream) or "
            + "rest (polling)") String marketData;
    @Option(names = "--market-poll-ms", defaultValue = "500", description = "REST polling period with --market-data "
            + "rest") long marketPollMillis;
    @Option(names = "--out", defaultValue = "target/exec-run", description = "directory for decisions.jsonl")
    Path out;

    private final Map<String, String> environment;

    RunCommand() {
        this(System.getenv());
    }

    RunCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        try {
            return execute();
        } catch (IllegalArgumentException | IllegalStateException | BybitException | BybitStreamException e) {
            // Bad input or a refusal by Bybit: one clear line, no stack trace.
            spec.commandLine().getErr().println("exec run: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return e instanceof BybitException.TradingHalted ? HALTED : FAILED;
        }
    }

    private int execute() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        SafetyLimits limits = limits();
        BybitSessionSettings settings = settings();
        Side parentSide = side();
        if (!LiveStrategies.NAMES.contains(strategy)) {
            throw new ParameterException(spec.commandLine(), "--strategy: " + strategy + " (expected one of "
                    + LiveStrategies.NAMES + ")");
        }
        Files.createDirectories(out);
        try (BybitTradingSession session = BybitTradingSession.open(settings, environment, Clock.systemUTC());
                BufferedWriter decisions = Files.newBufferedWriter(out.resolve("decisions.jsonl"))) {
            Instrument instrument = session.venue().instrument();
            Instant start = Instant.now();
            ParentOrder parent = new ParentOrder(orderId != null ? orderId : "run" + Long.toString(start.toEpochMilli(),
                    36), symbol, parentSide, quantity, start, start.plusSeconds(horizonSeconds), decisionPrice(session),
                    lambdaBps);
            ExecutionStrategy chosen = LiveStrategies.create(strategy, parent, instrument,
                    Duration.ofSeconds(intervalSeconds), session.rest().klines(symbol, "1", 1000), participation,
                    lambdaBps, advisor == null ? null : GatewayAdvisors.grpc(URI.create("http://" + advisor),
                            apiKey(), limits), limits.advisorTimeout());
            stdout.printf(Locale.ROOT, "run %s on %s %s: %s %s %s with %s over %d s, decision price %s%n",
                    parent.id(), settings.mode().name().toLowerCase(Locale.ROOT), settings.endpoints().rest(),
                    side, quantity.toPlainString(), symbol, chosen.name(), horizonSeconds,
                    parent.decisionPrice().toPlainString());
            stdout.flush();
            ExecutionEngine engine = session.events().call(() -> {
                var created = new ExecutionEngine(parent, instrument, chosen, new SafetyValidator(limits), limits,
                        session.venue(), Clock.systemUTC(), new JsonlAuditLog(decisions));
                created.start();
                return created;
            });
            int exit = work(session, engine, parent, stdout);
            report(session, engine, parent, stdout);
            return exit;
        }
    }

    private int work(BybitTradingSession session, ExecutionEngine engine, ParentOrder parent, PrintWriter stdout)
            throws InterruptedException {
        Instant giveUp = parent.deadline().plusSeconds(graceSeconds);
        String lastLine = "";
        while (true) {
            session.venue().tick();
            String line = session.events().call(() -> progress(engine, parent));
            if (!line.equals(lastLine)) {
                stdout.println(line);
                stdout.flush();
                lastLine = line;
            }
            String halted = session.venue().haltReason();
            if (halted != null) {
                session.events().call(() -> {
                    engine.cancel("trading halted: " + halted);
                    return null;
                });
                spec.commandLine().getErr().println("ALERT trading halted: " + halted);
                spec.commandLine().getErr().flush();
                return HALTED;
            }
            boolean terminal = session.events().call(() -> engine.state().isTerminal());
            if (terminal) {
                return session.events().call(() -> engine.state() == EngineState.COMPLETE) ? COMPLETE : INCOMPLETE;
            }
            if (Instant.now().isAfter(giveUp)) {
                session.events().call(() -> {
                    engine.cancel("no fills completed the order " + graceSeconds + " s after its deadline");
                    return null;
                });
                return INCOMPLETE;
            }
            Thread.sleep(tickMillis);
        }
    }

    private static String progress(ExecutionEngine engine, ParentOrder parent) {
        BigDecimal filled = engine.filled().stripTrailingZeros();
        double percent = filled.doubleValue() / parent.quantity().doubleValue() * 100;
        return String.format(Locale.ROOT, "progress %-9s filled %s/%s (%.1f %%) children %d avg %s",
                engine.state(), filled.toPlainString(), parent.quantity().toPlainString(), percent,
                engine.childOrders(), Double.isNaN(engine.averagePrice()) ? "-"
                        : String.format(Locale.ROOT, "%.4f", engine.averagePrice()));
    }

    private void report(BybitTradingSession session, ExecutionEngine engine, ParentOrder parent, PrintWriter stdout) {
        String summary = session.events().call(() -> String.format(Locale.ROOT,
                "execution report %s: state %s, filled %s of %s %s (%s), %d child orders, average price %s, "
                        + "implementation shortfall %.2f bps against %s",
                parent.id(), engine.state(), engine.filled().stripTrailingZeros().toPlainString(),
                parent.quantity().toPlainString(),
                parent.symbol(), side, engine.childOrders(),
                Double.isNaN(engine.averagePrice()) ? "-" : String.format(Locale.ROOT, "%.4f", engine.averagePrice()),
                engine.shortfallBps(), parent.decisionPrice().toPlainString()));
        stdout.println(summary);
        stdout.println("decisions: " + out.resolve("decisions.jsonl"));
        stdout.flush();
    }

    private BigDecimal decisionPrice(BybitTradingSession session) {
        BookEvent.Snapshot book = session.rest().orderBook(symbol, 1);
        if (book.bids().isEmpty() || book.asks().isEmpty()) {
            throw new IllegalStateException(symbol + ": the order book has an empty side; no decision price");
        }
        BigDecimal mid = book.bids().getFirst().price().add(book.asks().getFirst().price())
                .divide(BigDecimal.TWO, 12, RoundingMode.HALF_EVEN);
        return session.rules().roundPrice(mid, Side.BUY);
    }

    private String apiKey() {
        String key = environment.get("SLIPSTREAM_API_KEY");
        if (key == null || key.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--advisor needs the gateway's key in SLIPSTREAM_API_KEY");
        }
        return key;
    }

    private Side side() {
        return switch (side.toLowerCase(Locale.ROOT)) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw new ParameterException(spec.commandLine(), "--side: " + side + " (expected: buy or sell)");
        };
    }

    private BybitSessionSettings settings() {
        BybitMode mode = switch (venue.toLowerCase(Locale.ROOT)) {
            case "paper" -> BybitMode.PAPER;
            case "testnet" -> BybitMode.TESTNET;
            case "mainnet" -> BybitMode.MAINNET;
            default -> throw new ParameterException(spec.commandLine(), "--venue: " + venue
                    + " (expected: paper, testnet or mainnet)");
        };
        try {
            var rest = new BybitRestConfig(category, Duration.ofMillis(recvWindowMillis),
                    BybitRestConfig.DEFAULT_CONNECT_TIMEOUT, Duration.ofMillis(requestTimeoutMillis), maxAttempts,
                    BybitRestConfig.DEFAULT_INITIAL_BACKOFF, BybitRestConfig.DEFAULT_MAX_BACKOFF,
                    BybitRestConfig.DEFAULT_MAX_RATE_LIMIT_WAIT);
            BybitVenueConfig defaults = BybitVenueConfig.defaults();
            var venueConfig = new BybitVenueConfig(Duration.ofMillis(reconcileMillis), defaults.klineRefresh(),
                    defaults.klineWindow(), defaults.clockSyncInterval());
            return new BybitSessionSettings(mode, symbol, endpointOverride, streamOverride, realMoneyConfirmed, rest,
                    venueConfig, marketDataSource(), Duration.ofMillis(marketPollMillis), StreamSettings.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private BybitSessionSettings.MarketData marketDataSource() {
        return switch (marketData.toLowerCase(Locale.ROOT)) {
            case "websocket" -> BybitSessionSettings.MarketData.WEBSOCKET;
            case "rest" -> BybitSessionSettings.MarketData.REST;
            default -> throw new ParameterException(spec.commandLine(), "--market-data: " + marketData
                    + " (expected: websocket or rest)");
        };
    }

    private SafetyLimits limits() {
        if (quantity.signum() <= 0) {
            throw new ParameterException(spec.commandLine(), "--quantity: " + quantity + " (expected: > 0)");
        }
        if (tickMillis < 10 || horizonSeconds < 1 || intervalSeconds < 1 || graceSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--tick-ms >= 10, --horizon-seconds >= 1, "
                    + "--interval-seconds >= 1 and --grace-seconds >= 0 expected");
        }
        try {
            return new SafetyLimits(maxParticipation, maxOrderNotional, Duration.ofMillis(minIntervalMillis),
                    maxSpreadBps, maxDeviationBps, shortfallAlertBps, volatilityHalt, maxOrdersPerMinute,
                    Duration.ofMillis(advisorTimeoutMillis));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
