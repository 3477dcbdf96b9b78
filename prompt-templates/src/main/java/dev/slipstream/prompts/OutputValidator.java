package dev.slipstream.prompts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;

import dev.slipstream.prompts.internal.JsonSchemas;

/**
 * Checks a model's raw answer against a template's output schema and bounds. The answer must be one JSON
 * object; a single surrounding Markdown code fence ({@code ```json ... ```}) is tolerated, nothing else is:
 * no prose before or after, no second object.
 */
public final class OutputValidator {
    private static final Pattern FENCE = Pattern.compile("```(?:json)?[ \\t]*\\R(.*?)\\R?```", Pattern.DOTALL);
    private static final JsonMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonSchema schema;
    private final Map<String, Bound> bounds;

    /** Compiles the template's output schema; loaded templates always compile. */
    public OutputValidator(PromptTemplate template) {
        this.schema = JsonSchemas.compile(template.outputSchema());
        this.bounds = template.bounds();
    }

    public OutputValidation validate(String rawAnswer) {
        final String json = unfenced(rawAnswer.strip());
        if (json.isBlank()) {
            return invalid("empty answer (expected: one JSON object)");
        }
        final JsonNode output;
        try (JsonParser parser = STRICT_JSON.createParser(json)) {
            output = STRICT_JSON.readTree(parser);
            if (parser.nextToken() != null) {
                return invalid("text after the JSON value" + at(parser.currentTokenLocation()) +
                               " (expected: one JSON object and nothing else)");
            }
        } catch (JacksonException e) {
            return invalid("not valid JSON: " + e.getOriginalMessage() + at(e.getLocation()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return validate(output);
    }

    public OutputValidation validate(JsonNode output) {
        final List<Violation> violations = JsonSchemas.validate(schema, output);
        for (Entry<String, Bound> bound : bounds.entrySet()) {
            final JsonNode value = output.get(bound.getKey());
            if (value != null && value.isNumber() && !bound.getValue().contains(value.decimalValue())) {
                violations.add(new Violation(JsonPointer.empty().appendProperty(bound.getKey()),
                                             value + " (expected: within " + bound.getValue() + ')'));
            }
        }
        return violations.isEmpty() ? new OutputValidation.Valid(output) : new OutputValidation.Invalid(violations);
    }

    private static String unfenced(String answer) {
        final Matcher fence = FENCE.matcher(answer);
        return fence.matches() ? fence.group(1) : answer;
    }

    private static OutputValidation invalid(String message) {
        return new OutputValidation.Invalid(List.of(new Violation(JsonPointer.empty(), message)));
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1
               ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ')';
    }
}
