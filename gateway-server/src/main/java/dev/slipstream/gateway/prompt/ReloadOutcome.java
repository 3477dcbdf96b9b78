package dev.slipstream.gateway.prompt;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a reload did.
 *
 * @param applied whether the directory's templates are now live; false leaves the previous set live
 * @param problems every problem found, as {@code file:line: problem}; empty when applied
 * @param liveTemplateCount template files in the set live after the reload
 * @param directory the directory read
 */
public record ReloadOutcome(boolean applied, List<String> problems, int liveTemplateCount, String directory) {
    public ReloadOutcome {
        problems = List.copyOf(problems);
        requireNonNull(directory, "directory");
    }
}
