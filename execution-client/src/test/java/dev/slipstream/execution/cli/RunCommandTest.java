package dev.slipstream.execution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipstream.api.execution.v1.ImpactAdjustmentResponse;
import dev.slipstream.api.execution.v1.Source;
import dev.slipstream.execution.advisor.FakeAdvisorService;
import dev.slipstream.execution.venue.bybit.fake.FakeBybit;
import dev.slipstream.execution.venue.bybit.fake.FakeBybitFault;
import java.io.PrintWriter;
import java.time.Duration;
import java.math.BigDecimal;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code exec run} end to end against the fake Bybit: a parent order worked to completion, with the report. */
class RunCommandTest {

    private final FakeBybit fake = new FakeBybit();
    @TempDir Path out;

    record Outcome(int exit, String stdout, String stderr) {}

    @AfterEach
    void stop() {
        fake.close();
    }

    private Outcome run(Map<String, String> environment, String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cli = new CommandLine(new ExecCli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == RunCommand.class ? type.cast(new RunCommand(environment))
                        : CommandLine.defaultFactory().create(type);
            }
        }).setOut(new PrintWriter(stdout)).setErr(new PrintWriter(stderr));
        int exit = cli.execute(args);
        return new Outcome(exit, stdout.toString(), stderr.toString());
    }

    private String[] args(String venue, String strategy, String horizonSeconds, String intervalSeconds,
            String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--venue", venue, "--symbol", FakeBybit.SYMBOL,
                "--side", "buy", "--quantity", "0.03", "--strategy", strategy, "--horizon-seconds", horizonSeconds,
                "--interval-seconds", intervalSeconds, "--tick-ms", "100", "--min-interval-ms", "500",
                "--reconcile-ms", "200", "--market-poll-ms", "100", "--grace-seconds", "10",
                "--endpoint-override", fake.uri().toString(),
                "--stream-endpoint-override", fake.streamsUri().toString(),
                "--out", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void testnetTwapWorksTheWholeOrderAndReports() throws Exception {
        Outcome run = run(FakeBybit.environment(), args("testnet", "twap", "3", "1"));

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("run ", "on testnet " + fake.uri(), "buy 0.03 BTCUSDT with twap")
                .contains("progress ACTIVE", "filled 0.03/0.03 (100.0 %) children 3")
                .contains("execution report", "state COMPLETE, filled 0.03 of 0.03 BTCUSDT (buy), 3 child orders, "
                        + "average price 50000.1000");
        assertThat(fake.exchange().ordersAccepted()).isEqualTo(3);
        assertThat(Files.readAllLines(out.resolve("decisions.jsonl"))).filteredOn(line -> line.contains("\"SENT\""))
                .hasSize(3);
        assertThat(fake.streams().authSuccesses()).as("the private stream was used").isEqualTo(1);
        assertThat(fake.streams().subscriptions("orderbook.50." + FakeBybit.SYMBOL)).isEqualTo(1);
    }

    @Test
    void testnetRunsOnRestPolledMarketDataToo() {
        Outcome run = run(FakeBybit.environment(), args("testnet", "twap", "2", "1", "--market-data", "rest"));

        assertThat(run.exit()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).contains("state COMPLETE, filled 0.03 of 0.03");
        assertThat(fake.streams().publicConnections()).isZero();
        assertThat(fake.restServer().received("/v5/market/orderbook")).hasSizeGreaterThan(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vwap", "is", "pov"})
    void everyStrategyRunsEndToEnd(String strategy) {
        String interval = strategy.equals("vwap") ? "60" : "1";
        Outcome run = run(FakeBybit.environment(), args("testnet", strategy, strategy.equals("vwap") ? "60" : "3",
                interval));

        assertThat(run.exit()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).contains("with " + strategy, "state COMPLETE, filled 0.03 of 0.03");
        assertThat(fake.exchange().ordersAccepted()).isPositive();
    }

    @Test
    void adaptiveAsksTheAdvisorAndFallsBackWhenItIsSilent() {
        try (var advisor = new FakeAdvisorService()) {
            Map<String, String> environment = new HashMap<>(FakeBybit.environment());
            environment.put("SLIPSTREAM_API_KEY", "gateway-key");

            Outcome run = run(environment, args("testnet", "adaptive", "3", "1", "--advisor",
                    advisor.uri().getAuthority(), "--advisor-timeout-ms", "100"));

            assertThat(run.exit()).as(run.stdout() + run.stderr()).isZero();
            assertThat(run.stdout()).contains("with adaptive", "state COMPLETE");
            assertThat(advisor.received()).isNotEmpty()
                    .allSatisfy(received -> assertThat(received.authorization()).isEqualTo("Bearer gateway-key"));
        }
    }

    @Test
    void adaptiveIsAsksTheGatewaysImpactAdjustment() {
        try (var advisor = new FakeAdvisorService()) {
            advisor.answerImpactWith(ImpactAdjustmentResponse.newBuilder().setSource(Source.SOURCE_MODEL)
                    .setAdjustmentFactor(1.5).setFactorLow(1.2).setFactorHigh(1.8).setConfidence(0.6)
                    .setReasoning("thin book").build());
            Map<String, String> environment = new HashMap<>(FakeBybit.environment());
            environment.put("SLIPSTREAM_API_KEY", "gateway-key");

            Outcome run = run(environment, args("testnet", "adaptive-is", "3", "1", "--advisor",
                    advisor.uri().getAuthority(), "--advisor-timeout-ms", "2000"));

            assertThat(run.exit()).as(run.stdout() + run.stderr()).isZero();
            assertThat(run.stdout()).contains("with adaptive-is", "state COMPLETE, filled 0.03 of 0.03");
            // The first call may still be on its way when a short order is done: wait for it, bounded.
            long giveUpAt = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (advisor.receivedImpact().isEmpty() && System.nanoTime() < giveUpAt) {
                Thread.onSpinWait();
            }
            assertThat(advisor.receivedImpact()).isNotEmpty().allSatisfy(received -> {
                assertThat(received.authorization()).isEqualTo("Bearer gateway-key");
                assertThat(received.request().getOrder().getSymbol()).isEqualTo(FakeBybit.SYMBOL);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "rest"})
    void paperTradesOnTheLiveBookAndSendsNothing(String marketData) {
        // Paper volume comes from public trades, as on the live stream: the market trades while the order works.
        ScheduledExecutorService market = Executors.newSingleThreadScheduledExecutor();
        market.scheduleAtFixedRate(() -> fake.exchange().trade(FakeBybit.SYMBOL, "Sell", "50000.0", "1"), 0, 50,
                TimeUnit.MILLISECONDS);
        Outcome run;
        try {
            run = run(Map.of(), args("paper", "twap", "2", "1", "--market-data", marketData));
        } finally {
            market.shutdownNow();
        }

        assertThat(run.exit()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).contains("on paper", "state COMPLETE, filled 0.03 of 0.03", "2 child orders");
        assertThat(fake.exchange().ordersAccepted()).isZero();
        assertThat(fake.restServer().received("/v5/order/create")).isEmpty();
    }

    @Test
    void mainnetRefusesToStartWithoutTheConfirmationFlag() {
        Outcome run = run(FakeBybit.environment(), args("mainnet", "twap", "2", "1"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).contains("--venue mainnet trades real money; refusing to start without "
                + "--i-understand-this-trades-real-money");
        assertThat(fake.restServer().received("/v5/market/time")).as("nothing was even asked").isEmpty();
    }

    @Test
    void mainnetRunsWithTheConfirmationFlag() {
        Outcome run = run(FakeBybit.environment(), args("mainnet", "twap", "1", "1",
                "--i-understand-this-trades-real-money"));

        assertThat(run.exit()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).contains("on mainnet", "state COMPLETE");
        assertThat(fake.exchange().ordersAccepted()).isEqualTo(1);
    }

    @Test
    void theSafetyLimitsHoldInALiveRun() throws Exception {
        String[] args = args("testnet", "twap", "2", "1", "--max-order-notional", "100");
        args[List.of(args).indexOf("--grace-seconds") + 1] = "0";

        Outcome run = run(FakeBybit.environment(), args);

        // Children are trimmed to 100 / 50000.1 = 0.0019..., i.e. one lot of 0.001: too slow to finish in 2 s.
        assertThat(run.exit()).as(run.stdout() + run.stderr()).isEqualTo(RunCommand.INCOMPLETE);
        assertThat(run.stdout()).contains("state CANCELLED");
        assertThat(fake.restServer().received("/v5/order/create")).isNotEmpty().allSatisfy(create -> {
            BigDecimal quantity = new BigDecimal(new ObjectMapper().readTree(create.payload()).path("qty").asText());
            assertThat(quantity.multiply(new BigDecimal("50000.1"))).isLessThanOrEqualTo(new BigDecimal("100"));
        });
        assertThat(Files.readString(out.resolve("decisions.jsonl")))
                .contains("to the participation and notional caps", "\"outcome\":\"BLOCKED\"",
                        "\"limit\":\"INTERVAL\"");
    }

    @Test
    void http403HaltsTheRunWithAnAlert() {
        fake.restServer().inject("/v5/order/create", new FakeBybitFault.HttpStatus(403));

        Outcome run = run(FakeBybit.environment(), args("testnet", "twap", "3", "1"));

        assertThat(run.exit()).isEqualTo(RunCommand.HALTED);
        assertThat(run.stderr()).contains("ALERT trading halted: POST /v5/order/create answered HTTP 403");
        assertThat(run.stdout()).contains("state CANCELLED");
        assertThat(fake.restServer().received("/v5/order/create")).hasSize(1);
        assertThat(fake.exchange().ordersAccepted()).isZero();
    }

    @Test
    void testnetWithoutKeysSaysWhichVariablesToSet() {
        Outcome run = run(Map.of(), args("testnet", "twap", "2", "1"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).contains("exec run: set BYBIT_API_KEY and BYBIT_API_SECRET in the environment")
                .doesNotContain("Exception");
    }

    @Test
    void badChoicesAreRefusedWithTheirExpectedValues() {
        assertThat(run(FakeBybit.environment(), args("moon", "twap", "2", "1")).stderr())
                .contains("--venue: moon (expected: paper, testnet or mainnet)");
        assertThat(run(FakeBybit.environment(), args("testnet", "vortex", "2", "1")).stderr())
                .contains("--strategy: vortex (expected one of [twap, vwap, is, pov, adaptive, adaptive-is])");
        assertThat(run(FakeBybit.environment(), args("testnet", "adaptive", "2", "1")).stderr())
                .contains("--strategy adaptive needs --advisor host:port");
    }
}
