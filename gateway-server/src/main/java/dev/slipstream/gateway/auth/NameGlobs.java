package dev.slipstream.gateway.auth;

import java.util.List;
import java.util.regex.Pattern;

/** Globs over names such as model aliases ({@code gpt-4o*}, {@code openai/*}); {@code *} matches any run. */
public final class NameGlobs {
    public static final NameGlobs ANY = new NameGlobs(List.of("*"));

    private final List<String> globs;
    private final Pattern pattern;
    private final boolean matchesAll;

    public NameGlobs(List<String> globs) {
        this.globs = List.copyOf(globs);
        matchesAll = this.globs.contains("*");
        final StringBuilder regex = new StringBuilder();
        for (String glob : this.globs) {
            if (!regex.isEmpty()) {
                regex.append('|');
            }
            // Everything but '*' is literal: model names contain '.', ':' and '/'.
            regex.append(Pattern.quote(glob).replace("*", "\\E.*\\Q"));
        }
        pattern = Pattern.compile(regex.toString());
    }

    public boolean matches(String name) {
        return matchesAll || pattern.matcher(name).matches();
    }

    public List<String> globs() {
        return globs;
    }

    @Override
    public String toString() {
        return String.join(",", globs);
    }
}
