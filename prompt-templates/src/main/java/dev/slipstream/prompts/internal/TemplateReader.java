package dev.slipstream.prompts.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

import org.jspecify.annotations.Nullable;

import dev.slipstream.prompts.Baseline;
import dev.slipstream.prompts.Bound;
import dev.slipstream.prompts.FewShotExample;
import dev.slipstream.prompts.GenerationOptions;
import dev.slipstream.prompts.GenerationOptions.ResponseFormat;
import dev.slipstream.prompts.PromptTemplate;
import dev.slipstream.prompts.VariableSpec;
import dev.slipstream.prompts.VariableType;
import dev.slipstream.prompts.Violation;

/** The template file format: its structure (a JSON Schema shipped as a resource) and its mapping to records. */
public final class TemplateReader {
    public static final String FILE_SCHEMA_RESOURCE = "dev/slipstream/prompts/template-file.schema.json";
    private static final JsonSchema FILE_SCHEMA = JsonSchemas.classpathSchema(FILE_SCHEMA_RESOURCE);

    private TemplateReader() {}

    /** Unknown, missing or wrongly typed fields; {@link #read} may only be called when there are none. */
    public static List<Violation> structureProblems(JsonNode root) {
        return JsonSchemas.validate(FILE_SCHEMA, root);
    }

    public static PromptTemplate read(JsonNode root) {
        final JsonNode generation = root.path("generation");
        final String responseFormat = generation.path("response_format").asText("json");
        return new PromptTemplate(
                root.path("id").asText(),
                root.path("version").asInt(),
                root.path("description").asText(),
                root.path("model").asText(),
                new GenerationOptions(generation.path("temperature").asDouble(),
                                      generation.path("max_output_tokens").asInt(),
                                      ResponseFormat.valueOf(responseFormat.toUpperCase(Locale.ROOT))),
                root.path("system_prompt").asText(),
                root.path("user_template").asText(),
                declarations(root.path("variables")),
                root.path("output_schema"),
                bounds(root.path("bounds")),
                examples(root.path("examples")),
                new Baseline(root.path("baseline").path("description").asText()));
    }

    private static Map<String, VariableSpec> declarations(JsonNode node) {
        final Map<String, VariableSpec> declarations = new LinkedHashMap<>();
        node.properties().forEach(entry -> declarations.put(entry.getKey(), variable(entry.getValue())));
        return declarations;
    }

    private static VariableSpec variable(JsonNode node) {
        final List<String> values = new ArrayList<>();
        node.path("values").forEach(value -> values.add(value.asText()));
        return new VariableSpec(VariableType.fromFileName(node.path("type").asText()),
                                node.path("description").asText(""),
                                node.path("required").asBoolean(true),
                                values,
                                decimal(node.get("min")),
                                decimal(node.get("max")),
                                integer(node.get("max_length")),
                                integer(node.get("max_items")),
                                node.has("items") ? variable(node.get("items")) : null,
                                declarations(node.path("fields")));
    }

    private static Map<String, Bound> bounds(JsonNode node) {
        final Map<String, Bound> bounds = new LinkedHashMap<>();
        node.properties().forEach(entry -> bounds.put(
                entry.getKey(), new Bound(entry.getValue().get(0).decimalValue(), entry.getValue().get(1).decimalValue())));
        return bounds;
    }

    private static List<FewShotExample> examples(JsonNode node) {
        final List<FewShotExample> examples = new ArrayList<>();
        node.forEach(example -> examples.add(new FewShotExample(example.get("variables"), example.get("output"))));
        return examples;
    }

    private static @Nullable BigDecimal decimal(@Nullable JsonNode node) {
        return node == null ? null : node.decimalValue();
    }

    private static @Nullable Integer integer(@Nullable JsonNode node) {
        return node == null ? null : node.asInt();
    }
}
