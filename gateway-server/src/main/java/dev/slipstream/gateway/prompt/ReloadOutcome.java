package dev.slipstream.gateway.prompt;

import static java.util.Objects.requireNonNull;

import java.util.List;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * What a reload did.
 *
 * @param applied whether the directory's templates are now live; false leaves the previous set live
 * @param problems every problem found, as {@code file:line: problem}; empty when applied
 * @param liveTemplateCount template files in the set live after the reload
 * @param directory the directory read
 * @param failure why the reload was rejected; null when applied
 */
public record ReloadOutcome(boolean applied, List<String> problems, int liveTemplateCount, String directory,
                            @Nullable Failure failure) {
    /** Why a reload was rejected: a bounded set, fit for a metric label. */
    public enum Failure {
        /** No {@code prompts.directory} is configured. */
        NO_DIRECTORY,
        /** The directory is missing or not a directory, or holds no template. */
        DIRECTORY_UNUSABLE,
        /** A template file failed validation. */
        INVALID_TEMPLATES
    }

    public ReloadOutcome {
        problems = List.copyOf(problems);
        requireNonNull(directory, "directory");
        if (applied != (failure == null)) {
            throw new IllegalArgumentException("a reload is applied exactly when it has no failure");
        }
    }
}
