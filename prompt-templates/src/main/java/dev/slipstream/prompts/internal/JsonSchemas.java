package dev.slipstream.prompts.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.DisallowUnknownKeywordFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;

import dev.slipstream.prompts.Violation;

/** JSON Schema draft 2020-12 compilation and validation, with violations located by JSON pointer. */
public final class JsonSchemas {
    public static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    // Unknown keywords are refused so that a typo ("maxLenght") cannot silently drop a constraint, and
    // only the bundled meta-schemas and classpath resources load: a template never makes us fetch a URL.
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(VersionFlag.V202012, factory -> factory
            .metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                                      .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
                                      .build())
            .schemaLoaders(loaders -> loaders.add(
                    new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));
    private static final JsonSchema META_SCHEMA = FACTORY.getSchema(SchemaLocation.of(DRAFT_2020_12));
    private static final int MAX_QUOTED_CHARS = 60;

    private JsonSchemas() {}

    /** Compiles a schema; throws {@link JsonSchemaException} when it does not compile. */
    public static JsonSchema compile(JsonNode schema) {
        return FACTORY.getSchema(schema);
    }

    /** Loads a schema shipped with this module, e.g. {@code dev/slipstream/prompts/x.schema.json}. */
    public static JsonSchema classpathSchema(String resource) {
        return FACTORY.getSchema(SchemaLocation.of("classpath:" + resource));
    }

    /**
     * Why {@code schema} is not a usable draft 2020-12 schema; empty when it is one. One problem per place:
     * the meta-schema's alternatives ("a type name, or an array of them") would otherwise each complain.
     */
    public static List<Violation> schemaProblems(JsonNode schema) {
        final Map<JsonPointer, Violation> firstPerPlace = new LinkedHashMap<>();
        validate(META_SCHEMA, schema).forEach(violation -> firstPerPlace.putIfAbsent(violation.at(), violation));
        final List<Violation> problems = new ArrayList<>(firstPerPlace.values());
        if (problems.isEmpty()) {
            try {
                compile(schema);
            } catch (JsonSchemaException e) {
                problems.add(new Violation(JsonPointer.empty(), compileError(e)));
            }
        }
        return problems;
    }

    public static List<Violation> validate(JsonSchema schema, JsonNode instance) {
        final List<Violation> violations = new ArrayList<>();
        for (ValidationMessage message : schema.validate(instance)) {
            violations.add(toViolation(message));
        }
        return violations;
    }

    /** A compact, quoted rendering of a value for messages: long strings are cut, containers named. */
    public static String describe(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        final String json = value.toString();
        return json.length() <= MAX_QUOTED_CHARS ? json : json.substring(0, MAX_QUOTED_CHARS) + "…\"";
    }

    private static Violation toViolation(ValidationMessage message) {
        final JsonPointer at = pointer(message.getInstanceLocation());
        final JsonNode value = message.getInstanceNode();
        return switch (message.getType()) {
            case "required" -> new Violation(at.appendProperty(message.getProperty()), "missing (required)");
            case "additionalProperties", "unevaluatedProperties" ->
                    new Violation(at.appendProperty(message.getProperty()), "unknown field");
            case "enum" -> new Violation(at, describe(value) + " (expected: one of " + message.getArguments()[0] + ')');
            default -> new Violation(at, value == null || value.isContainerNode() || value.isNull()
                                         ? message.getError()
                                         : message.getError() + " (got " + describe(value) + ')');
        };
    }

    private static JsonPointer pointer(JsonNodePath path) {
        JsonPointer pointer = JsonPointer.empty();
        for (int i = 0; i < path.getNameCount(); i++) {
            final Object element = path.getElement(i);
            pointer = element instanceof Integer index ? pointer.appendIndex(index)
                                                       : pointer.appendProperty(String.valueOf(element));
        }
        return pointer;
    }

    private static String compileError(JsonSchemaException e) {
        final String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "does not compile: " + message.replaceFirst("^[:\\s]+", "");
    }
}
