package dev.slipstream.gateway.prompt;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.prompts.Problem;
import dev.slipstream.prompts.PromptTemplate;
import dev.slipstream.prompts.TemplateLoader;
import dev.slipstream.prompts.TemplateValidationException;

/**
 * The live template set. Requests read it without locking; a reload loads and validates the whole
 * directory first and swaps it in only when it has no problem, so a broken edit never replaces a working set.
 * Every reload's outcome goes to the log, to the caller of {@link #reload()} and to a listener (the
 * metrics).
 */
public final class PromptRegistry {
    private static final Logger logger = LoggerFactory.getLogger(PromptRegistry.class);

    @Nullable
    private final Path directory;
    private final Predicate<String> isModelRoute;
    private final AtomicReference<LivePrompts> live;
    private final Consumer<ReloadOutcome> onReload;

    private PromptRegistry(@Nullable Path directory, Predicate<String> isModelRoute, LivePrompts initial,
                           Consumer<ReloadOutcome> onReload) {
        this.directory = directory;
        this.isModelRoute = isModelRoute;
        this.live = new AtomicReference<>(initial);
        this.onReload = requireNonNull(onReload, "onReload");
    }

    /**
     * Loads {@code directory} at start; a gateway never starts on a broken set.
     *
     * @param isModelRoute whether the gateway can send requests to a template's {@code model}; templates
     *                     naming another are logged, since they can only ever serve their baseline
     * @param onReload hears the outcome of every reload (not of this first load)
     * @throws TemplateValidationException listing every problem of the directory
     */
    public static PromptRegistry load(Optional<Path> directory, Predicate<String> isModelRoute,
                                      Consumer<ReloadOutcome> onReload) throws TemplateValidationException {
        if (directory.isEmpty()) {
            logger.info("No prompt template directory (prompts.directory); prompts are not served");
            return new PromptRegistry(null, isModelRoute, LivePrompts.NONE, onReload);
        }
        final PromptRegistry registry = new PromptRegistry(directory.get(), isModelRoute,
                                                           new LivePrompts(TemplateLoader.load(directory.get())),
                                                           onReload);
        registry.report("Loaded", registry.live());
        return registry;
    }

    public LivePrompts live() {
        return live.get();
    }

    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** Loads the directory again; swaps it in only when every template passes. One reload at a time. */
    public synchronized ReloadOutcome reload() {
        final ReloadOutcome outcome = load();
        onReload.accept(outcome);
        return outcome;
    }

    private ReloadOutcome load() {
        if (directory == null) {
            return new ReloadOutcome(false, List.of("no prompt template directory configured (prompts.directory)"),
                                     0, "", ReloadOutcome.Failure.NO_DIRECTORY);
        }
        try {
            final LivePrompts loaded = new LivePrompts(TemplateLoader.load(directory));
            live.set(loaded);
            report("Reloaded", loaded);
            return new ReloadOutcome(true, List.of(), loaded.size(), directory.toString(), null);
        } catch (TemplateValidationException e) {
            final List<String> problems = e.problems().stream().map(Problem::toString).toList();
            logger.warn("Prompt reload from {} rejected, the previous {} templates stay live: {}", directory,
                        live().size(), e.getMessage());
            return new ReloadOutcome(false, problems, live().size(), directory.toString(), failure(e));
        }
    }

    /** Problems about the directory itself, rather than one of its files, make it unusable. */
    private ReloadOutcome.Failure failure(TemplateValidationException e) {
        return e.problems().stream().allMatch(problem -> problem.file().equals(directory))
               ? ReloadOutcome.Failure.DIRECTORY_UNUSABLE : ReloadOutcome.Failure.INVALID_TEMPLATES;
    }

    private void report(String what, LivePrompts prompts) {
        logger.info("{} {} prompt templates from {}: {}", what, prompts.size(), directory, prompts.ids());
        for (String id : prompts.ids()) {
            for (PromptTemplate template : prompts.versions(id)) {
                if (!isModelRoute.test(template.model())) {
                    logger.warn("Prompt {} names model '{}', which is not a configured model alias or " +
                                "provider/model; it will only serve its baseline", template.name(), template.model());
                }
            }
        }
    }
}
