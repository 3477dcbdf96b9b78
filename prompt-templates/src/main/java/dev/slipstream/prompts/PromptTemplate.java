package dev.slipstream.prompts;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One version of a prompt, as read from {@code <dir>/<id>/v<version>.yaml}. The output schema is copied in
 * and out, so the record stays immutable.
 *
 * @param id the prompt's name, also its directory's name
 * @param version the file's version, at least 1
 * @param description what the prompt is for
 * @param model the route alias the gateway sends it to
 * @param generation sampling options
 * @param systemPrompt the instructions; never contains variables
 * @param userTemplate the user message, with {@code {{name}}} placeholders each on a line of its own
 * @param variables the declared variables, in file order
 * @param outputSchema the JSON Schema (draft 2020-12) of the answer; an object schema
 * @param bounds numeric ranges for top-level fields of the answer, in file order
 * @param examples few-shot examples, possibly none
 * @param baseline what is served when no model answers validly
 */
public record PromptTemplate(String id, int version, String description, String model,
                             GenerationOptions generation, String systemPrompt, String userTemplate,
                             Map<String, VariableSpec> variables, JsonNode outputSchema, Map<String, Bound> bounds,
                             List<FewShotExample> examples, Baseline baseline) {
    public PromptTemplate {
        requireNonNull(id, "id");
        requireNonNull(description, "description");
        requireNonNull(model, "model");
        requireNonNull(generation, "generation");
        requireNonNull(systemPrompt, "systemPrompt");
        requireNonNull(userTemplate, "userTemplate");
        requireNonNull(baseline, "baseline");
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        outputSchema = outputSchema.deepCopy();
        bounds = Collections.unmodifiableMap(new LinkedHashMap<>(bounds));
        examples = List.copyOf(examples);
    }

    @Override
    public JsonNode outputSchema() {
        return outputSchema.deepCopy();
    }

    /** {@code id@version}, as logs and messages name a template. */
    public String name() {
        return id + '@' + version;
    }
}
