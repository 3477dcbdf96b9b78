package dev.slipstream.prompts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The declared type of a template variable, spelled in lower case in template files. */
public enum VariableType {
    STRING, NUMBER, INTEGER, BOOLEAN, ENUM, LIST, OBJECT;

    /** The spellings allowed in a template file, in declaration order. */
    public static final List<String> FILE_NAMES = Arrays.stream(values()).map(VariableType::fileName).toList();

    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VariableType fromFileName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
