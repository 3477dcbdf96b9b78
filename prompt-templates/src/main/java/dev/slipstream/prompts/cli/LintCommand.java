package dev.slipstream.prompts.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.slipstream.prompts.TemplateLoader;
import dev.slipstream.prompts.TemplateSet;
import dev.slipstream.prompts.TemplateValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prompts lint DIR}: validates every template of a directory the way the gateway does when it
 * loads one. Exit 0 and {@code N templates OK}, or exit 1 and one {@code file:line: problem} line per problem.
 */
@Command(name = "lint",
         description = "Validate a template directory; exit 1 with one line per problem.",
         exitCodeListHeading = "%nExit codes:%n",
         exitCodeList = {"0:every template is valid", "1:problems found (one line each on stderr)",
                         "2:wrong usage"})
final class LintCommand implements Callable<Integer> {
    static final int PROBLEMS_FOUND = 1;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the template directory, e.g. prompt-templates/templates")
    private Path directory;

    @Override
    public Integer call() {
        try {
            final TemplateSet templates = TemplateLoader.load(directory);
            spec.commandLine().getOut().println(
                    templates.size() + (templates.size() == 1 ? " template OK" : " templates OK"));
            return 0;
        } catch (TemplateValidationException e) {
            e.problems().forEach(problem -> spec.commandLine().getErr().println(problem));
            return PROBLEMS_FOUND;
        }
    }
}
