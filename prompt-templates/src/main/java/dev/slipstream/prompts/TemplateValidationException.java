package dev.slipstream.prompts;

import java.util.List;
import java.util.stream.Collectors;

/** A template directory failed validation; it carries every problem found, not only the first. */
public final class TemplateValidationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    public TemplateValidationException(List<Problem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n" +
              problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
