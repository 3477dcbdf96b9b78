package dev.slipstream.gateway.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-fallback}} in configuration strings with environment
 * variables, as each value is read, so that YAML syntax never sees a secret's characters and errors keep
 * their line numbers.
 */
final class EnvSubstitutingStringDeserializer extends StringDeserializer {
    private static final long serialVersionUID = 1L;
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final transient Map<String, String> env;

    EnvSubstitutingStringDeserializer(Map<String, String> env) {
        this.env = requireNonNull(env, "env");
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        final String raw = super.deserialize(p, ctxt);
        if (raw == null || raw.indexOf("${") < 0) {
            return raw;
        }
        final Matcher matcher = REFERENCE.matcher(raw);
        final StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            final String name = matcher.group(1);
            String value = env.get(name);
            if (value == null || value.isEmpty()) {
                value = matcher.group(2);
            }
            if (value == null) {
                ctxt.reportInputMismatch(String.class, "environment variable %s is not set (referenced as ${%s})",
                                         name, name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
