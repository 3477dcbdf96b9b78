package dev.slipstream.prompts.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The {@code {{name}}} placeholders of a user template. A placeholder stands alone on its line, so that
 * the data block replacing it is line-delimited and never runs into the surrounding instructions.
 */
public final class Placeholders {
    private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";
    private static final Pattern STANDALONE = Pattern.compile("\\s*\\{\\{\\s*(" + NAME + ")\\s*}}\\s*");
    private static final Pattern ANY = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern NAMED = Pattern.compile("\\s*" + NAME + "\\s*");

    private Placeholders() {}

    /** The variable named by a line that is exactly one placeholder, else null. */
    public static @Nullable String standaloneName(String line) {
        final Matcher matcher = STANDALONE.matcher(line);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** Whether the text has anything that looks like a placeholder. */
    public static boolean mentionsAny(String text) {
        return text.contains("{{") || text.contains("}}");
    }

    /** Reads a user template: the variables it uses and every misplaced or malformed placeholder. */
    public static Scan scan(String template) {
        final Map<String, String> uses = new LinkedHashMap<>();
        final List<Misuse> misuses = new ArrayList<>();
        for (String line : template.lines().toList()) {
            final String name = standaloneName(line);
            if (name != null) {
                uses.putIfAbsent(name, line.strip());
            } else if (mentionsAny(line)) {
                scanMisuses(line, misuses);
            }
        }
        return new Scan(uses, misuses);
    }

    private static void scanMisuses(String line, List<Misuse> misuses) {
        final Matcher matcher = ANY.matcher(line);
        boolean found = false;
        while (matcher.find()) {
            found = true;
            final String text = matcher.group();
            misuses.add(NAMED.matcher(matcher.group(1)).matches()
                        ? new Misuse(text, "placeholder " + text + " must stand alone on its line " +
                                           "(it becomes a multi-line data block)")
                        : new Misuse(text, "malformed placeholder " + text +
                                           " (expected: {{name}}, name a declared variable)"));
        }
        if (!found) {
            final String text = line.contains("{{") ? "{{" : "}}";
            misuses.add(new Misuse(text, "unmatched '" + text + "' (expected: {{name}} on a line of its own)"));
        }
    }

    /**
     * What a user template references.
     *
     * @param uses each variable used, with its placeholder as first written
     * @param misuses placeholders that are not alone on their line or are not well formed
     */
    public record Scan(Map<String, String> uses, List<Misuse> misuses) {}

    /**
     * A placeholder that cannot be rendered.
     *
     * @param text the offending text as written, to find its line
     * @param message what is wrong and what was expected
     */
    public record Misuse(String text, String message) {}
}
