package dev.slipstream.gateway.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * Prompt templates and how their answers are obtained.
 *
 * @param directory the template directory ({@code <dir>/<prompt-id>/v<N>.yaml}); when absent, the
 *                  repository's {@code prompt-templates/templates} if the gateway runs from a checkout
 * @param watch whether file changes in the directory reload it
 * @param watchDebounceMs how long the directory must stay quiet after a change before it is reloaded, so an
 *                        editor's save (often several writes) is read once, complete
 * @param repairAttempts how many times a model is told what was wrong with its answer and asked again
 * @param advisorTimeoutMs the longest one model call of a prompt may take
 * @param deadlineMarginMs time kept back from the caller's deadline to build and send the reply; no model
 *                         call is started, or waited for, inside it
 */
public record PromptsConfig(@Nullable String directory, Boolean watch, Long watchDebounceMs, Integer repairAttempts,
                            Long advisorTimeoutMs, Long deadlineMarginMs) {
    /** Relative to the working directory: the shipped templates when the gateway runs from a checkout. */
    public static final Path REPOSITORY_TEMPLATES = Path.of("prompt-templates", "templates");
    public static final long DEFAULT_WATCH_DEBOUNCE_MS = 200;
    public static final int DEFAULT_REPAIR_ATTEMPTS = 1;
    public static final long DEFAULT_ADVISOR_TIMEOUT_MS = 10_000;
    public static final long DEFAULT_DEADLINE_MARGIN_MS = 50;

    public static final PromptsConfig DEFAULT = new PromptsConfig(null, null, null, null, null, null);

    public PromptsConfig(@Nullable String directory, @Nullable Boolean watch, @Nullable Long watchDebounceMs,
                         @Nullable Integer repairAttempts, @Nullable Long advisorTimeoutMs,
                         @Nullable Long deadlineMarginMs) {
        this.directory = directory;
        this.watch = watch == null || watch;
        this.watchDebounceMs = watchDebounceMs == null ? DEFAULT_WATCH_DEBOUNCE_MS : watchDebounceMs;
        this.repairAttempts = repairAttempts == null ? DEFAULT_REPAIR_ATTEMPTS : repairAttempts;
        this.advisorTimeoutMs = advisorTimeoutMs == null ? DEFAULT_ADVISOR_TIMEOUT_MS : advisorTimeoutMs;
        this.deadlineMarginMs = deadlineMarginMs == null ? DEFAULT_DEADLINE_MARGIN_MS : deadlineMarginMs;
    }

    /** The directory to load: the configured one, else the repository's templates if present, else none. */
    public Optional<Path> templateDirectory() {
        if (directory != null) {
            return Optional.of(Path.of(directory));
        }
        return Files.isDirectory(REPOSITORY_TEMPLATES) ? Optional.of(REPOSITORY_TEMPLATES) : Optional.empty();
    }
}
