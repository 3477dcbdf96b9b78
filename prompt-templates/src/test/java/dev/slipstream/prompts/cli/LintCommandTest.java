package dev.slipstream.prompts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.slipstream.prompts.TemplateFixture;
import picocli.CommandLine;

class LintCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void passesTheShippedTemplates() {
        assertThat(run("lint", TemplateFixture.shippedTemplates().toString())).isZero();
        assertThat(out).hasToString("3 templates OK" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void printsOneLinePerProblemAndExitsOne(@TempDir Path root) {
        TemplateFixture.write(root, "greeting/v1.yaml", TemplateFixture.GREETING.replace("{{language}}", "{{lang}}"));
        TemplateFixture.write(root, "greeting/notes.txt", "stray file");

        assertThat(run("lint", root.toString())).isEqualTo(1);

        final Path file = root.resolve("greeting/v1.yaml");
        assertThat(err.toString().lines()).containsExactly(
                root.resolve("greeting/notes.txt") + ": bad file name (expected: v<N>.yaml with N >= 1, e.g. v1.yaml)",
                file + ":14: user_template: undeclared variable {{lang}} (expected: one of [text, language, outdoor_celsius])",
                file + ":19: variables.language: declared but never used (expected: a {{language}} line in user_template)");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void wrongUsageExitsTwo() {
        assertThat(run("lint")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'DIR'");
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing subcommand (expected: lint)");
    }

    private int run(String... args) {
        final CommandLine cli = PromptsCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
