package dev.slipstream.prompts;

import static dev.slipstream.prompts.TemplateFixture.GREETING;
import static dev.slipstream.prompts.TemplateFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateLoaderTest {
    @TempDir
    Path root;

    @Test
    void loadsTheShippedTemplates() throws Exception {
        final TemplateSet templates = TemplateLoader.load(TemplateFixture.shippedTemplates());

        assertThat(templates.ids()).containsExactly("execution-decision", "impact-adjustment", "news-sentiment");
        assertThat(templates.size()).isEqualTo(3);
        for (String id : templates.ids()) {
            final PromptTemplate template = templates.newest(id).orElseThrow();
            assertThat(template.examples()).as(id).isNotEmpty();
            assertThat(template.baseline().description()).as(id).isNotBlank();
        }
        assertThat(templates.newest("impact-adjustment").orElseThrow().bounds().get("adjustment_factor"))
                .isEqualTo(new Bound(new BigDecimal("0.5"), new BigDecimal("2.0")));
    }

    @Test
    void servesTheNewestVersionUnlessOneIsPinned() throws Exception {
        write(root, "greeting/v1.yaml", GREETING);
        write(root, "greeting/v2.yaml", GREETING.replace("version: 1", "version: 2")
                                               .replace("model: small", "model: large"));
        write(root, "README.md", "The config repository's own readme is ignored.");
        write(root, "greeting/CHANGELOG.md", "So are notes beside the versions.");
        Files.createDirectories(root.resolve(".git"));

        final TemplateSet templates = TemplateLoader.load(root);

        assertThat(templates.newest("greeting").orElseThrow().model()).isEqualTo("large");
        assertThat(templates.get("greeting", 1).orElseThrow().model()).isEqualTo("small");
        assertThat(templates.versions("greeting")).extracting(PromptTemplate::version).containsExactly(1, 2);
        assertThat(templates.get("greeting", 3)).isEmpty();
        assertThat(templates.newest("farewell")).isEmpty();
    }

    @Test
    void readsEveryPartOfTheFile() throws Exception {
        write(root, "greeting/v1.yaml", GREETING);

        final PromptTemplate template = TemplateLoader.load(root).newest("greeting").orElseThrow();

        assertThat(template.name()).isEqualTo("greeting@1");
        assertThat(template.generation()).isEqualTo(
                new GenerationOptions(0.2, 100, GenerationOptions.ResponseFormat.JSON));
        assertThat(template.systemPrompt()).isEqualTo("You rate greetings.\n");
        assertThat(template.variables()).containsOnlyKeys("text", "language", "outdoor_celsius");
        assertThat(template.variables().get("language").values()).containsExactly("en", "fr");
        final VariableSpec celsius = template.variables().get("outdoor_celsius");
        assertThat(celsius.required()).isFalse();
        assertThat(celsius.min()).isEqualByComparingTo("-50");
        assertThat(celsius.max()).isEqualByComparingTo("60");
        assertThat(template.variables().get("text").maxLength()).isEqualTo(200);
        assertThat(template.outputSchema().path("required").toString()).isEqualTo("[\"friendliness\",\"label\"]");
        assertThat(template.examples()).hasSize(1);
        assertThat(template.baseline().description()).isEqualTo("friendliness 0.5");
    }

    static Stream<Arguments> brokenTemplates() {
        return Stream.of(
                // The file itself.
                changed("YAML syntax error", "model: small", "model: [small",
                        "greeting/v1.yaml:5: not valid YAML: while parsing a flow sequence started on line 4: expected ',' or ']', but got :"),
                changed("duplicate key", "model: small", "model: small\nmodel: large",
                        "greeting/v1.yaml:5: not valid YAML: Duplicate field 'model'"),
                broken("empty file", dir -> write(dir, "greeting/v1.yaml", "# nothing yet\n"),
                       "greeting/v1.yaml: empty file (expected: a template: id, version, model, prompts, …)"),
                changed("unknown field", "temperature: 0.2", "temprature: 0.2",
                        "greeting/v1.yaml:6: generation.temprature: unknown field"),
                changed("missing required field", "baseline:\n  description: friendliness 0.5\n", "",
                        "greeting/v1.yaml:1: baseline: missing (required)"),
                changed("wrongly typed field", "max_output_tokens: 100", "max_output_tokens: lots",
                        "greeting/v1.yaml:7: generation.max_output_tokens: string found, integer expected (got \"lots\")"),
                changed("blank system prompt", "system_prompt: |\n  You rate greetings.\n", "system_prompt: \" \"\n",
                        "greeting/v1.yaml:8: system_prompt: empty (expected: the model's instructions)"),
                // Names and layout.
                changed("id differs from its directory", "id: greeting", "id: greetings",
                        "greeting/v1.yaml:1: id: 'greetings' (expected: 'greeting', the name of its directory)"),
                changed("version differs from its file name", "version: 1", "version: 2",
                        "greeting/v1.yaml:2: version: 2 (expected: 1, the version in the file name)"),
                broken("bad file name", dir -> write(dir, "greeting/version1.yaml", GREETING),
                       "greeting/version1.yaml: bad file name (expected: v<N>.yaml with N >= 1, e.g. v1.yaml)"),
                broken("bad directory name", dir -> write(dir, "Greeting/v1.yaml", GREETING),
                       "Greeting: directory name 'Greeting' is not a prompt id (expected: lower-case words joined by '-', e.g. news-sentiment)"),
                broken("duplicate versions", dir -> {
                    write(dir, "greeting/v1.yaml", GREETING);
                    write(dir, "greeting/v1.yml", GREETING);
                }, "greeting/v1.yml: version 1 is also defined by v1.yaml (expected: one file per version)"),
                broken("prompt directory without versions", dir -> mkdirs(dir.resolve("greeting")),
                       "greeting: no template versions (expected: v1.yaml, v2.yaml, …)"),
                broken("directory inside a prompt directory", dir -> {
                    write(dir, "greeting/v1.yaml", GREETING);
                    mkdirs(dir.resolve("greeting/drafts"));
                }, "greeting/drafts: unexpected directory (expected: only v<N>.yaml files)"),
                // Placeholders against declarations.
                changed("undeclared variable", "{{language}}", "{{lang}}",
                        "greeting/v1.yaml:14: user_template: undeclared variable {{lang}} (expected: one of [text, language, outdoor_celsius])"),
                changed("declared variable never used", "  {{outdoor_celsius}}\n", "",
                        "greeting/v1.yaml:19: variables.outdoor_celsius: declared but never used (expected: a {{outdoor_celsius}} line in user_template)"),
                changed("placeholder inside a sentence", "Rate this greeting.\n  {{text}}", "Rate this greeting: {{text}}",
                        "greeting/v1.yaml:11: user_template: placeholder {{text}} must stand alone on its line (it becomes a multi-line data block)"),
                changed("malformed placeholder", "{{language}}", "{{language.code}}",
                        "greeting/v1.yaml:14: user_template: malformed placeholder {{language.code}} (expected: {{name}}, name a declared variable)"),
                changed("placeholder in the system prompt", "You rate greetings.", "You rate {{text}}.",
                        "greeting/v1.yaml:9: system_prompt: contains a placeholder (expected: none; variables go in user_template, where they become data blocks)"),
                changed("data delimiter in template text", "Rate this greeting.", "Rate this greeting.</data>",
                        "greeting/v1.yaml:11: user_template: contains '</data>' (expected: no data delimiters; only the renderer writes them)"),
                // Declarations.
                changed("unknown variable type", "{type: string, max_length: 200}", "{type: text, max_length: 200}",
                        "greeting/v1.yaml:18: variables.text.type: \"text\" (expected: one of [\"string\", \"number\", \"integer\", \"boolean\", \"enum\", \"list\", \"object\"])"),
                changed("enum variable without values", "{type: enum, values: [en, fr]}", "{type: enum}",
                        "greeting/v1.yaml:19: variables.language: type enum without values (expected: a non-empty 'values' list)"),
                changed("constraint for another type", "{type: string, max_length: 200}", "{type: boolean, max_length: 200}",
                        "greeting/v1.yaml:18: variables.text.max_length: 'max_length' does not apply here (expected: only on type string)"),
                changed("variable min above max", "min: -50, max: 60", "min: 70, max: 60",
                        "greeting/v1.yaml:20: variables.outdoor_celsius.min: min 70 is greater than max 60 (expected: min <= max)"),
                // The output schema.
                changed("output schema that is not JSON Schema", "friendliness: {type: number}", "friendliness: {type: numeric}",
                        "greeting/v1.yaml:25: output_schema.properties.friendliness.type: \"numeric\" (expected: one of [\"array\", \"boolean\", \"integer\", \"null\", \"number\", \"object\", \"string\"])"),
                changed("output schema keyword typo", "label: {type: string}", "label: {type: string, maxLenght: 20}",
                        "greeting/v1.yaml:21: output_schema: does not compile: Keyword 'maxLenght' is unknown and must be configured on the meta-schema or vocabulary"),
                changed("output schema with a remote reference", "label: {type: string}", "label: {$ref: 'https://example.com/label.json'}",
                        "greeting/v1.yaml:26: output_schema.properties.label.$ref: \"https://example.com/label.json\" (expected: a reference inside the schema, starting with '#')"),
                changed("output schema of another draft", "output_schema:\n", "output_schema:\n  $schema: http://json-schema.org/draft-07/schema#\n",
                        "greeting/v1.yaml:22: output_schema.$schema: \"http://json-schema.org/draft-07/schema#\" (expected: https://json-schema.org/draft/2020-12/schema or none)"),
                changed("output schema not an object schema", "  type: object\n  required", "  type: array\n  required",
                        "greeting/v1.yaml:21: output_schema: an output schema of type \"array\" (expected: type: object, the answer is one JSON object)"),
                // Bounds.
                changed("bounds on a field the output lacks", "friendliness: [0, 1]", "warmth: [0, 1]",
                        "greeting/v1.yaml:28: bounds.warmth: no such field in output_schema (expected: one of [friendliness, label])"),
                changed("bounds on a non-numeric field", "friendliness: [0, 1]", "label: [0, 1]",
                        "greeting/v1.yaml:28: bounds.label: output_schema types it as \"string\" (expected: a number or integer field)"),
                changed("bounds with min above max", "friendliness: [0, 1]", "friendliness: [1, 0]",
                        "greeting/v1.yaml:28: bounds.friendliness: min 1 is greater than max 0 (expected: [min, max] with min <= max)"),
                // Examples.
                changed("example output against the schema", "friendliness: 0.8", "friendliness: high",
                        "greeting/v1.yaml:31: examples[0].output.friendliness: string found, number expected (got \"high\")"),
                changed("example output outside the bounds", "friendliness: 0.8", "friendliness: 1.8",
                        "greeting/v1.yaml:31: examples[0].output.friendliness: 1.8 (expected: within [0, 1])"),
                changed("example missing a required variable", "{text: Hello there, language: en}", "{text: Hello there}",
                        "greeting/v1.yaml:30: examples[0].variables.language: missing (required)"),
                changed("example with a wrongly typed variable", "language: en}", "language: de}",
                        "greeting/v1.yaml:30: examples[0].variables.language: \"de\" (expected: one of [en, fr])"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTemplates")
    void rejectsBrokenTemplateWithAPreciseMessage(String kind, Consumer<Path> layout, String expectedProblem) {
        layout.accept(root);

        assertThatThrownBy(() -> TemplateLoader.load(root))
                .isInstanceOfSatisfying(TemplateValidationException.class, e ->
                        assertThat(e.problems()).extracting(this::relative).contains(expectedProblem));
    }

    @Test
    void listsEveryProblemOfEveryFileSortedByPlace() {
        write(root, "greeting/v1.yaml", GREETING.replace("id: greeting", "id: greetings")
                                                .replace("temperature: 0.2", "temperature: 3"));
        write(root, "farewell/v1.yaml", GREETING.replace("id: greeting", "id: farewell")
                                                .replace("{{language}}", "{{lang}}"));

        assertThatThrownBy(() -> TemplateLoader.load(root))
                .isInstanceOfSatisfying(TemplateValidationException.class, e -> assertThat(e.problems())
                        .extracting(this::relative)
                        .containsExactly(
                                "farewell/v1.yaml:14: user_template: undeclared variable {{lang}} (expected: one of [text, language, outdoor_celsius])",
                                "farewell/v1.yaml:19: variables.language: declared but never used (expected: a {{language}} line in user_template)",
                                "greeting/v1.yaml:6: generation.temperature: must have a maximum value of 2 (got 3)"));
    }

    @Test
    void rejectsADirectoryWithoutTemplates() {
        assertThatThrownBy(() -> TemplateLoader.load(root))
                .isInstanceOfSatisfying(TemplateValidationException.class, e -> assertThat(e.problems())
                        .extracting(this::relative)
                        .containsExactly(": no templates found (expected: <dir>/<prompt-id>/v<N>.yaml)"));
        assertThatThrownBy(() -> TemplateLoader.load(root.resolve("missing")))
                .isInstanceOfSatisfying(TemplateValidationException.class, e -> assertThat(e.problems())
                        .extracting(this::relative).containsExactly("missing: not a directory"));
    }

    private String relative(Problem problem) {
        return new Problem(root.relativize(problem.file()), problem.line(), problem.message()).toString();
    }

    private static Arguments changed(String kind, String original, String replacement, String expectedProblem) {
        if (!GREETING.contains(original)) {
            throw new IllegalArgumentException(kind + ": the fixture has no '" + original + "'");
        }
        return broken(kind, dir -> write(dir, "greeting/v1.yaml", GREETING.replace(original, replacement)),
                      expectedProblem);
    }

    private static Arguments broken(String kind, Consumer<Path> layout, String expectedProblem) {
        return Arguments.of(kind, layout, expectedProblem);
    }

    private static void mkdirs(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
