package dev.slipstream.prompts.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code slipstream prompts}: commands for template directories. */
@Command(name = "prompts", subcommands = LintCommand.class,
         description = "Work with prompt template directories (<dir>/<prompt-id>/v<N>.yaml).")
public final class PromptsCli implements Runnable {
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help and exit.")
    private boolean help;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree, for {@link #main} and for tests that capture its output. */
    public static CommandLine commandLine() {
        return new CommandLine(new PromptsCli());
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand (expected: lint)");
    }
}
