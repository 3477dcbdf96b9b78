package dev.slipstream.prompts.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map.Entry;
import java.util.Set;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import dev.slipstream.prompts.Bound;
import dev.slipstream.prompts.FewShotExample;
import dev.slipstream.prompts.OutputValidation;
import dev.slipstream.prompts.OutputValidator;
import dev.slipstream.prompts.Problem;
import dev.slipstream.prompts.PromptTemplate;
import dev.slipstream.prompts.VariableSpec;
import dev.slipstream.prompts.VariableType;
import dev.slipstream.prompts.VariableValidator;
import dev.slipstream.prompts.Violation;

/**
 * The checks a well-formed template file must also pass: its name, its placeholders against its
 * declarations, its output schema, its bounds and its examples. Each problem names its line.
 */
public final class TemplateChecks {
    private static final JsonPointer ROOT = JsonPointer.empty();
    private static final JsonPointer SYSTEM_PROMPT = ROOT.appendProperty("system_prompt");
    private static final JsonPointer USER_TEMPLATE = ROOT.appendProperty("user_template");
    private static final JsonPointer VARIABLES = ROOT.appendProperty("variables");
    private static final JsonPointer OUTPUT_SCHEMA = ROOT.appendProperty("output_schema");
    private static final JsonPointer BOUNDS = ROOT.appendProperty("bounds");
    private static final JsonPointer EXAMPLES = ROOT.appendProperty("examples");
    private static final Set<VariableType> NUMERIC = Set.of(VariableType.NUMBER, VariableType.INTEGER);

    private final Path file;
    private final YamlDocument document;
    private final List<Problem> problems = new ArrayList<>();

    private TemplateChecks(Path file, YamlDocument document) {
        this.file = file;
        this.document = document;
    }

    /**
     * Checks {@code template}, read from {@code file} in directory {@code directoryId} whose name says
     * version {@code fileVersion}.
     */
    public static List<Problem> check(Path file, YamlDocument document, PromptTemplate template,
                                      String directoryId, int fileVersion) {
        final TemplateChecks checks = new TemplateChecks(file, document);
        checks.identity(template, directoryId, fileVersion);
        checks.prompts(template);
        template.variables().forEach((name, spec) -> checks.declaration(VARIABLES.appendProperty(name), spec));
        final boolean schemaUsable = checks.outputSchema(template.outputSchema());
        checks.bounds(template);
        checks.examples(template, schemaUsable);
        return checks.problems;
    }

    private void identity(PromptTemplate template, String directoryId, int fileVersion) {
        if (!template.id().equals(directoryId)) {
            report(ROOT.appendProperty("id"), '\'' + template.id() + "' (expected: '" + directoryId +
                                              "', the name of its directory)");
        }
        if (template.version() != fileVersion) {
            report(ROOT.appendProperty("version"), template.version() + " (expected: " + fileVersion +
                                                   ", the version in the file name)");
        }
    }

    private void prompts(PromptTemplate template) {
        if (template.systemPrompt().isBlank()) {
            report(SYSTEM_PROMPT, "empty (expected: the model's instructions)");
        } else if (Placeholders.mentionsAny(template.systemPrompt())) {
            report(SYSTEM_PROMPT, "{{", "contains a placeholder (expected: none; variables go in user_template, " +
                                        "where they become data blocks)");
        }
        reservedDelimiter(SYSTEM_PROMPT, template.systemPrompt());
        reservedDelimiter(USER_TEMPLATE, template.userTemplate());

        final Placeholders.Scan scan = Placeholders.scan(template.userTemplate());
        scan.misuses().forEach(misuse -> report(USER_TEMPLATE, misuse.text(), misuse.message()));
        scan.uses().forEach((name, text) -> {
            if (!template.variables().containsKey(name)) {
                report(USER_TEMPLATE, text, "undeclared variable " + text + " (expected: one of " +
                                            template.variables().keySet() + ')');
            }
        });
        template.variables().keySet().stream()
                .filter(name -> !scan.uses().containsKey(name))
                .forEach(name -> report(VARIABLES.appendProperty(name),
                                        "declared but never used (expected: a {{" + name + "}} line in user_template)"));
    }

    private void reservedDelimiter(JsonPointer at, String text) {
        for (String delimiter : List.of(DataBlocks.RESERVED, DataBlocks.CLOSE)) {
            if (text.contains(delimiter)) {
                report(at, delimiter, "contains '" + delimiter + "' (expected: no data delimiters; only the " +
                                      "renderer writes them)");
            }
        }
    }

    private void declaration(JsonPointer at, VariableSpec spec) {
        final VariableType type = spec.type();
        if (type == VariableType.ENUM && spec.values().isEmpty()) {
            report(at, "type enum without values (expected: a non-empty 'values' list)");
        }
        onlyFor(type == VariableType.ENUM, !spec.values().isEmpty(), at, "values", "enum");
        onlyFor(NUMERIC.contains(type), spec.min() != null, at, "min", "number and integer");
        onlyFor(NUMERIC.contains(type), spec.max() != null, at, "max", "number and integer");
        onlyFor(type == VariableType.STRING, spec.maxLength() != null, at, "max_length", "string");
        onlyFor(type == VariableType.LIST, spec.maxItems() != null, at, "max_items", "list");
        onlyFor(type == VariableType.LIST, spec.items() != null, at, "items", "list");
        onlyFor(type == VariableType.OBJECT, !spec.fields().isEmpty(), at, "fields", "object");
        if (spec.min() != null && spec.max() != null && spec.min().compareTo(spec.max()) > 0) {
            report(at.appendProperty("min"), "min " + spec.min().toPlainString() + " is greater than max " +
                                             spec.max().toPlainString() + " (expected: min <= max)");
        }
        if (spec.items() != null) {
            declaration(at.appendProperty("items"), spec.items());
        }
        spec.fields().forEach((name, field) -> declaration(at.appendProperty("fields").appendProperty(name), field));
    }

    private void onlyFor(boolean applies, boolean present, JsonPointer at, String key, String types) {
        if (present && !applies) {
            report(at.appendProperty(key), "'" + key + "' does not apply here (expected: only on type " + types + ')');
        }
    }

    /** Reports why the output schema is unusable; true when examples can be validated against it. */
    private boolean outputSchema(JsonNode schema) {
        final int before = problems.size();
        final JsonNode declaredDraft = schema.get("$schema");
        if (declaredDraft != null && !declaredDraft.asText().replaceFirst("#$", "").equals(JsonSchemas.DRAFT_2020_12)) {
            report(OUTPUT_SCHEMA.appendProperty("$schema"), JsonSchemas.describe(declaredDraft) +
                                                            " (expected: " + JsonSchemas.DRAFT_2020_12 + " or none)");
        }
        remoteReferences(schema, OUTPUT_SCHEMA);
        if (problems.size() > before) {
            return false;
        }
        JsonSchemas.schemaProblems(schema).forEach(violation -> report(violation.under(OUTPUT_SCHEMA)));
        if (!"object".equals(schema.path("type").asText())) {
            report(OUTPUT_SCHEMA, "an output schema of type " + JsonSchemas.describe(schema.path("type")) +
                                  " (expected: type: object, the answer is one JSON object)");
        }
        return problems.size() == before;
    }

    private void remoteReferences(JsonNode node, JsonPointer at) {
        if (node.isObject()) {
            for (Entry<String, JsonNode> member : node.properties()) {
                final JsonPointer memberAt = at.appendProperty(member.getKey());
                if (member.getKey().equals("$ref") && !member.getValue().asText().startsWith("#")) {
                    report(memberAt, JsonSchemas.describe(member.getValue()) +
                                     " (expected: a reference inside the schema, starting with '#')");
                }
                remoteReferences(member.getValue(), memberAt);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                remoteReferences(node.get(i), at.appendIndex(i));
            }
        }
    }

    private void bounds(PromptTemplate template) {
        final JsonNode properties = template.outputSchema().path("properties");
        for (Entry<String, Bound> entry : template.bounds().entrySet()) {
            final JsonPointer at = BOUNDS.appendProperty(entry.getKey());
            final Bound bound = entry.getValue();
            if (bound.min().compareTo(bound.max()) > 0) {
                report(at, "min " + bound.min().toPlainString() + " is greater than max " +
                           bound.max().toPlainString() + " (expected: [min, max] with min <= max)");
            }
            final JsonNode field = properties.get(entry.getKey());
            if (field == null) {
                report(at, "no such field in output_schema (expected: one of " + fieldNames(properties) + ')');
            } else if (!isNumeric(field.path("type"))) {
                report(at, "output_schema types it as " + JsonSchemas.describe(field.path("type")) +
                           " (expected: a number or integer field)");
            }
        }
    }

    private static List<String> fieldNames(JsonNode properties) {
        final List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean isNumeric(JsonNode type) {
        for (JsonNode name : type.isArray() ? type : List.of(type)) {
            if (name.asText().equals("number") || name.asText().equals("integer")) {
                return true;
            }
        }
        return false;
    }

    private void examples(PromptTemplate template, boolean schemaUsable) {
        final OutputValidator outputs = schemaUsable ? new OutputValidator(template) : null;
        final List<FewShotExample> examples = template.examples();
        for (int i = 0; i < examples.size(); i++) {
            final JsonPointer at = EXAMPLES.appendIndex(i);
            final FewShotExample example = examples.get(i);
            VariableValidator.validate(template.variables(), example.variables())
                             .forEach(violation -> report(violation.under(at.appendProperty("variables"))));
            if (outputs != null && outputs.validate(example.output()) instanceof OutputValidation.Invalid invalid) {
                invalid.violations().forEach(violation -> report(violation.under(at.appendProperty("output"))));
            }
        }
    }

    private void report(JsonPointer at, String message) {
        report(new Violation(at, message));
    }

    private void report(Violation violation) {
        problems.add(new Problem(file, document.lineOf(violation.at()), violation.toString()));
    }

    private void report(JsonPointer at, String text, String message) {
        problems.add(new Problem(file, document.lineOf(at, text), new Violation(at, message).toString()));
    }
}
