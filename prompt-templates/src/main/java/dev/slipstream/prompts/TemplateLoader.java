package dev.slipstream.prompts;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.slipstream.prompts.internal.TemplateChecks;
import dev.slipstream.prompts.internal.TemplateReader;
import dev.slipstream.prompts.internal.YamlDocument;
import dev.slipstream.prompts.internal.YamlDocument.YamlSyntaxException;

/**
 * Loads a template directory laid out as {@code <dir>/<prompt-id>/v<N>.yaml} and validates every file.
 * Hidden entries ({@code .git}) and files directly in {@code <dir>} or named {@code *.md} are ignored, so
 * the directory can be a repository of its own with a README and CI configuration.
 */
public final class TemplateLoader {
    private static final Pattern PROMPT_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern FILE_NAME = Pattern.compile("v([1-9][0-9]{0,8})\\.ya?ml");
    private static final Comparator<Problem> BY_PLACE =
            Comparator.comparing((Problem problem) -> problem.file().toString()).thenComparingInt(Problem::line);

    private TemplateLoader() {}

    /** All templates of {@code directory}, or every problem found in it. */
    public static TemplateSet load(Path directory) throws TemplateValidationException {
        final List<Problem> problems = new ArrayList<>();
        final List<PromptTemplate> templates = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            throw new TemplateValidationException(List.of(new Problem(directory, 0, "not a directory")));
        }
        for (Path entry : entries(directory, problems)) {
            if (Files.isDirectory(entry) && !isHidden(entry)) {
                loadPrompt(entry, templates, problems);
            }
        }
        if (templates.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(directory, 0, "no templates found (expected: <dir>/<prompt-id>/v<N>.yaml)"));
        }
        if (!problems.isEmpty()) {
            problems.sort(BY_PLACE);
            throw new TemplateValidationException(problems);
        }
        return new TemplateSet(templates);
    }

    private static void loadPrompt(Path promptDirectory, List<PromptTemplate> templates, List<Problem> problems) {
        final String id = promptDirectory.getFileName().toString();
        if (!PROMPT_ID.matcher(id).matches()) {
            problems.add(new Problem(promptDirectory, 0, "directory name '" + id + "' is not a prompt id " +
                                                         "(expected: lower-case words joined by '-', e.g. news-sentiment)"));
            return;
        }
        final int problemsBefore = problems.size();
        final Map<Integer, Path> files = new HashMap<>();
        for (Path file : entries(promptDirectory, problems)) {
            final String name = file.getFileName().toString();
            if (isHidden(file) || name.endsWith(".md")) {
                continue;
            }
            final Matcher version = FILE_NAME.matcher(name);
            if (Files.isDirectory(file)) {
                problems.add(new Problem(file, 0, "unexpected directory (expected: only v<N>.yaml files)"));
            } else if (!version.matches()) {
                problems.add(new Problem(file, 0, "bad file name (expected: v<N>.yaml with N >= 1, e.g. v1.yaml)"));
            } else {
                final int number = Integer.parseInt(version.group(1));
                final Path earlier = files.putIfAbsent(number, file);
                if (earlier != null) {
                    problems.add(new Problem(file, 0, "version " + number + " is also defined by " +
                                                      earlier.getFileName() + " (expected: one file per version)"));
                } else {
                    loadFile(file, id, number, problems).ifPresent(templates::add);
                }
            }
        }
        if (files.isEmpty() && problems.size() == problemsBefore) {
            problems.add(new Problem(promptDirectory, 0, "no template versions (expected: v1.yaml, v2.yaml, …)"));
        }
    }

    private static Optional<PromptTemplate> loadFile(Path file, String id, int version, List<Problem> problems) {
        final YamlDocument document;
        try {
            document = YamlDocument.parse(Files.readString(file));
        } catch (CharacterCodingException e) {
            problems.add(new Problem(file, 0, "not UTF-8 text"));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "unreadable: " + e.getMessage()));
            return Optional.empty();
        } catch (YamlSyntaxException e) {
            problems.add(new Problem(file, e.line(), "not valid YAML: " + e.getMessage()));
            return Optional.empty();
        }
        final JsonNode root = document.root();
        if (root.isNull()) {
            problems.add(new Problem(file, 0, "empty file (expected: a template: id, version, model, prompts, …)"));
            return Optional.empty();
        }
        final List<Violation> structure = TemplateReader.structureProblems(root);
        if (!structure.isEmpty()) {
            structure.forEach(violation -> problems.add(
                    new Problem(file, document.lineOf(violation.at()), violation.toString())));
            return Optional.empty();
        }
        final PromptTemplate template = TemplateReader.read(root);
        final List<Problem> checks = TemplateChecks.check(file, document, template, id, version);
        problems.addAll(checks);
        return checks.isEmpty() ? Optional.of(template) : Optional.empty();
    }

    private static List<Path> entries(Path directory, List<Problem> problems) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(directory, 0, "unreadable directory: " + e.getMessage()));
            return List.of();
        }
    }

    private static boolean isHidden(Path entry) {
        return entry.getFileName().toString().startsWith(".");
    }
}
