package dev.slipstream.execution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
        assertThat(lines.get(0)).startsWith("4 parent orders x 5 strategies, horizon PT1H, seed 42");
        assertThat(lines.get(1)).contains("IS mean", "IS sd", "IS p95", "E+lam*V", "VWAP slp", "arr slp", "partic",
                "fill", "on time", "fallback", "vs TWAP");
        assertThat(lines.subList(2, 7)).extracting(line -> line.split(" +")[0])
                .containsExactly("twap", "vwap", "is", "pov", "adaptive");
        assertThat(stderr.toString()).endsWith("20/20 runs" + System.lineSeparator());
        assertThat(Files.readString(out.resolve("report.html"))).contains("<svg", "adaptive");
        List<String> decisions = Files.readAllLines(out.resolve("decisions.jsonl"));
        assertThat(decisions).isNotEmpty();
        assertThat(new ObjectMapper().readTree(decisions.getFirst()).get("parentId").asText()).startsWith("bt");
    }
}
