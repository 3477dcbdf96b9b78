package dev.slipstream.gateway.prompt;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.prompts.Problem;
import dev.slipstream.prompts.TemplateLoader;
import dev.slipstream.prompts.TemplateValidationException;

/**
 * The live template set. Requests read it without locking; a reload loads and validates the whole
 * directory first and swaps it in only when it has no problem, so a broken edit never replaces a working set.
 * Failed reloads are reported in the log and to the caller of {@link #reload()} (metrics come with the policy
 * work).
 */
public final class PromptRegistry {
    private static final Logger logger = LoggerFactory.getLogger(PromptRegistry.class);

    @Nullable
    private final Path directory;
    private final AtomicReference<LivePrompts> live;

    private PromptRegistry(@Nullable Path directory, LivePrompts initial) {
        this.directory = directory;
        this.live = new AtomicReference<>(initial);
    }

    /**
     * Loads {@code directory} at start; a gateway never starts on a broken set.
     *
     * @throws TemplateValidationException listing every problem of the directory
     */
    public static PromptRegistry load(Optional<Path> directory) throws TemplateValidationException {
        if (directory.isEmpty()) {
            logger.info("No prompt template directory (prompts.directory); prompts are not served");
            return new PromptRegistry(null, LivePrompts.NONE);
        }
        final LivePrompts initial = new LivePrompts(TemplateLoader.load(directory.get()));
        logger.info("Loaded {} prompt templates from {}: {}", initial.size(), directory.get(), initial.ids());
        return new PromptRegistry(directory.get(), initial);
    }

    public LivePrompts live() {
        return live.get();
    }

    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** Loads the directory again; swaps it in only when every template passes. One reload at a time. */
    public synchronized ReloadOutcome reload() {
        if (directory == null) {
            return new ReloadOutcome(false, List.of("no prompt template directory configured (prompts.directory)"),
                                     0, "");
        }
        try {
            final LivePrompts loaded = new LivePrompts(TemplateLoader.load(directory));
            live.set(loaded);
            logger.info("Reloaded {} prompt templates from {}: {}", loaded.size(), directory, loaded.ids());
            return new ReloadOutcome(true, List.of(), loaded.size(), directory.toString());
        } catch (TemplateValidationException e) {
            final List<String> problems = e.problems().stream().map(Problem::toString).toList();
            logger.warn("Prompt reload from {} rejected, the previous {} templates stay live: {}", directory,
                        live().size(), e.getMessage());
            return new ReloadOutcome(false, problems, live().size(), directory.toString());
        }
    }
}
