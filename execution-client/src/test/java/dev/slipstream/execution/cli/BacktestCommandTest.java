package dev.slipstream.execution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipstream.api.execution.v1.ExecutionAction;
import dev.slipstream.api.execution.v1.ExecutionDecisionResponse;
import dev.slipstream.api.execution.v1.OrderType;
import dev.slipstream.api.execution.v1.Source;
import dev.slipstream.execution.advisor.FakeAdvisorService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BacktestCommandTest {

    @Test
    void printsTheComparisonAndWritesTheReportAndTheDecisions(@TempDir Path out) throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = new CommandLine(new ExecCli()).setOut(new PrintWriter(stdout)).setErr(new PrintWriter(stderr))
                .execute("backtest", "--orders", "4", "--out", out.toString());

        assertThat(exit).isZero();
        List<String> lines = stdout.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("4 parent orders x 6 strategies, horizon PT1H, seed 42");
        assertThat(lines.get(1)).contains("IS mean", "IS sd", "IS p95", "E+lam*V", "VWAP slp", "arr slp", "partic",
                "fill", "on time", "fallback", "vs TWAP");
        assertThat(lines.subList(2, 8)).extracting(line -> line.split(" +")[0])
                .containsExactly("twap", "vwap", "is", "pov", "adaptive", "adaptive-is");
        assertThat(stderr.toString()).endsWith("24/24 runs" + System.lineSeparator());
        assertThat(Files.readString(out.resolve("report.html"))).contains("<svg", "adaptive");
        List<String> decisions = Files.readAllLines(out.resolve("decisions.jsonl"));
        assertThat(decisions).isNotEmpty();
        assertThat(new ObjectMapper().readTree(decisions.getFirst()).get("parentId").asText()).startsWith("bt");
    }

    @Test
    void withAGatewayTheAdaptiveStrategyAsksItsModel(@TempDir Path out) throws Exception {
        try (var gateway = new FakeAdvisorService()) {
            gateway.answerWith(ExecutionDecisionResponse.newBuilder().setSource(Source.SOURCE_MODEL)
                    .setAction(ExecutionAction.EXECUTION_ACTION_WAIT).setOrderType(OrderType.ORDER_TYPE_MARKET)
                    .setReasoning("hold on").build());
            StringWriter stdout = new StringWriter();
            int exit = new CommandLine(new ExecCli()).setOut(new PrintWriter(stdout)).setErr(new PrintWriter(
                    new StringWriter())).execute("backtest", "--orders", "1", "--strategies", "adaptive",
                    "--gateway", gateway.uri().toString(), "--api-key", "k-1", "--advisor-timeout-ms", "2000",
                    "--out", out.toString());

            assertThat(exit).isZero();
            assertThat(gateway.received()).isNotEmpty()
                    .allSatisfy(call -> assertThat(call.authorization()).isEqualTo("Bearer k-1"));
            var json = new ObjectMapper();
            List<JsonNode> modelDecisions = Files.readAllLines(out.resolve("decisions.jsonl")).stream()
                    .map(line -> read(json, line)).filter(line -> "MODEL".equals(line.get("source").asText())).toList();
            assertThat(modelDecisions).isNotEmpty().allSatisfy(decision -> {
                assertThat(decision.get("action").asText()).isEqualTo("PAUSE");
                assertThat(decision.get("outcome").asText()).isEqualTo("HELD");
                assertThat(decision.get("reasoning").asText()).isEqualTo("WAIT: hold on");
            });
        }
    }

    @Test
    void aGatewayWithoutAnApiKeyIsRefused() {
        StringWriter stderr = new StringWriter();
        int exit = new CommandLine(new ExecCli()).setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(stderr)).execute("backtest", "--gateway", "http://127.0.0.1:1");

        assertThat(exit).isNotZero();
        assertThat(stderr.toString()).contains("--gateway and --api-key go together");
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
