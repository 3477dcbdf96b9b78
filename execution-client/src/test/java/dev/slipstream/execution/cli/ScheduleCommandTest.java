package dev.slipstream.execution.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ScheduleCommandTest {

    /** The Almgren–Chriss vector of EXECUTION.md; σ = 0.3·50/√250 written out in full. */
    static final String[] PAPER_EXAMPLE = {"schedule", "--strategy", "is", "--quantity", "1000000", "--horizon", "5",
        "--periods", "5", "--sigma", "0.9486832980505138", "--epsilon", "0.0625", "--eta", "2.5e-6", "--gamma",
        "2.5e-7", "--lambda", "1e-6", "--json"};

    @Test
    void isJsonReproducesThePapersVector() throws Exception {
        JsonNode json = new ObjectMapper().readTree(run(PAPER_EXAMPLE));

        double[] expected = {1_000_000, 542_380.7, 290_295.1, 148_216.1, 62_303.2, 0};
        for (int j = 0; j < expected.length; j++) {
            assertThat(json.get("trajectory").get(j).asDouble()).isCloseTo(expected[j], withinPercentage(1e-4));
        }
        assertThat(json.get("trades")).hasSize(5);
        assertThat(json.get("kappa").asDouble()).isCloseTo(0.606260, withinPercentage(1e-4));
        assertThat(json.get("expectedCost").asDouble()).isCloseTo(910_477.8, withinPercentage(1e-4));
        assertThat(json.get("variance").asDouble()).isCloseTo(3.638680e11, withinPercentage(1e-4));
    }

    @Test
    void twapTablePrintsEqualSlicesAndTheTotal() {
        String table = run("schedule", "--strategy", "twap", "--quantity", "1.2", "--horizon", "1", "--periods", "3",
                "--lot", "0.1", "--min-quantity", "0.1");

        assertThat(table.lines().filter(line -> line.contains(" 0.4 "))).hasSize(3);
        assertThat(table).endsWith("total 1.2\n");
    }

    static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ExecCli()).setOut(new PrintWriter(out));
        assertThat(cli.execute(args)).isZero();
        return out.toString();
    }
}
