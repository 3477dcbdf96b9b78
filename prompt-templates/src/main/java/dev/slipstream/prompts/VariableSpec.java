package dev.slipstream.prompts;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The declaration of a variable, of a list's items or of an object's field.
 *
 * @param type what values are accepted
 * @param description what the value means, shown to template readers
 * @param required whether the value must be present and not null
 * @param values the allowed values of an {@link VariableType#ENUM}; empty for other types
 * @param min the smallest allowed number (inclusive), for numbers and integers
 * @param max the largest allowed number (inclusive), for numbers and integers
 * @param maxLength the most characters a string may have
 * @param maxItems the most items a list may have
 * @param items the declaration every item of a list must satisfy; any value when absent
 * @param fields the declared fields of an object, in file order; an object without fields accepts any members
 */
public record VariableSpec(VariableType type, String description, boolean required, List<String> values,
                           @Nullable BigDecimal min, @Nullable BigDecimal max, @Nullable Integer maxLength,
                           @Nullable Integer maxItems, @Nullable VariableSpec items,
                           Map<String, VariableSpec> fields) {
    public VariableSpec {
        requireNonNull(type, "type");
        requireNonNull(description, "description");
        values = List.copyOf(values);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
