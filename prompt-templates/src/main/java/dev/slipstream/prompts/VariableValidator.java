package dev.slipstream.prompts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

import dev.slipstream.prompts.internal.JsonSchemas;

/** Checks variables against their declarations: presence, type, enum membership, ranges and lengths. */
public final class VariableValidator {
    private VariableValidator() {}

    /** Every violation in {@code variables}, an object keyed by variable name; empty when all are valid. */
    public static List<Violation> validate(Map<String, VariableSpec> declared, JsonNode variables) {
        final List<Violation> violations = new ArrayList<>();
        if (!variables.isObject()) {
            violations.add(new Violation(JsonPointer.empty(), JsonSchemas.describe(variables) +
                                                              " (expected: an object keyed by variable name)"));
            return violations;
        }
        checkMembers(declared, variables, JsonPointer.empty(), "variable", violations);
        return violations;
    }

    private static void checkMembers(Map<String, VariableSpec> declared, JsonNode object, JsonPointer at,
                                     String noun, List<Violation> violations) {
        for (Entry<String, VariableSpec> entry : declared.entrySet()) {
            check(entry.getValue(), object.get(entry.getKey()), at.appendProperty(entry.getKey()), violations);
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            final String name = names.next();
            if (!declared.containsKey(name)) {
                violations.add(new Violation(at.appendProperty(name), "not a declared " + noun +
                                                                      " (expected: one of " + declared.keySet() + ')'));
            }
        }
    }

    private static void check(VariableSpec spec, @Nullable JsonNode value, JsonPointer at,
                              List<Violation> violations) {
        if (value == null || value.isNull()) {
            if (spec.required()) {
                violations.add(new Violation(at, value == null ? "missing (required)" : "null (required)"));
            }
            return;
        }
        final String problem = switch (spec.type()) {
            case STRING -> value.isTextual() ? maxLength(spec, value.asText()) : expected("a string", value);
            case NUMBER -> value.isNumber() ? range(spec, value) : expected("a number", value);
            case INTEGER -> isInteger(value) ? range(spec, value) : expected("an integer", value);
            case BOOLEAN -> value.isBoolean() ? null : expected("true or false", value);
            case ENUM -> value.isTextual() && spec.values().contains(value.asText())
                         ? null : expected("one of " + spec.values(), value);
            case LIST -> value.isArray() ? list(spec, value, at, violations) : expected("a list", value);
            case OBJECT -> value.isObject() ? object(spec, value, at, violations) : expected("an object", value);
        };
        if (problem != null) {
            violations.add(new Violation(at, problem));
        }
    }

    private static boolean isInteger(JsonNode value) {
        return value.isIntegralNumber() || value.isNumber() && value.canConvertToExactIntegral();
    }

    private static @Nullable String range(VariableSpec spec, JsonNode value) {
        if (!Double.isFinite(value.doubleValue())) {
            return expected("a finite number", value);
        }
        final BigDecimal number = value.decimalValue();
        if (spec.min() != null && number.compareTo(spec.min()) < 0) {
            return value + " (expected: >= " + spec.min().toPlainString() + ')';
        }
        if (spec.max() != null && number.compareTo(spec.max()) > 0) {
            return value + " (expected: <= " + spec.max().toPlainString() + ')';
        }
        return null;
    }

    private static @Nullable String maxLength(VariableSpec spec, String text) {
        final int length = text.codePointCount(0, text.length());
        return spec.maxLength() != null && length > spec.maxLength()
               ? length + " characters (expected: at most " + spec.maxLength() + ')' : null;
    }

    private static @Nullable String list(VariableSpec spec, JsonNode list, JsonPointer at,
                                         List<Violation> violations) {
        if (spec.maxItems() != null && list.size() > spec.maxItems()) {
            return list.size() + " items (expected: at most " + spec.maxItems() + ')';
        }
        if (spec.items() != null) {
            for (int i = 0; i < list.size(); i++) {
                check(spec.items(), list.get(i), at.appendIndex(i), violations);
            }
        }
        return null;
    }

    private static @Nullable String object(VariableSpec spec, JsonNode object, JsonPointer at,
                                           List<Violation> violations) {
        if (!spec.fields().isEmpty()) {
            checkMembers(spec.fields(), object, at, "field", violations);
        }
        return null;
    }

    private static String expected(String what, JsonNode value) {
        return JsonSchemas.describe(value) + " (expected: " + what + ')';
    }
}
