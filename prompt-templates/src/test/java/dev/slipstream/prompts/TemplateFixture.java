package dev.slipstream.prompts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small valid template, the base that broken-template tests change one thing in. */
public final class TemplateFixture {
    /** Line numbers matter: expected problems name them. */
    public static final String GREETING = """
            id: greeting
            version: 1
            description: Scores how friendly a greeting is.
            model: small
            generation:
              temperature: 0.2
              max_output_tokens: 100
            system_prompt: |
              You rate greetings.
            user_template: |
              Rate this greeting.
              {{text}}
              It is written in:
              {{language}}
              Outdoor temperature in Celsius, if known:
              {{outdoor_celsius}}
            variables:
              text: {type: string, max_length: 200}
              language: {type: enum, values: [en, fr]}
              outdoor_celsius: {type: number, min: -50, max: 60, required: false}
            output_schema:
              type: object
              required: [friendliness, label]
              properties:
                friendliness: {type: number}
                label: {type: string}
            bounds:
              friendliness: [0, 1]
            examples:
              - variables: {text: Hello there, language: en}
                output: {friendliness: 0.8, label: warm}
            baseline:
              description: friendliness 0.5
            """;

    /** One variable of every type, each with its constraints. */
    public static final String TYPED = """
            id: typed
            version: 1
            description: Declares one variable of every type.
            model: small
            generation: {temperature: 0, max_output_tokens: 50}
            system_prompt: Summarise the order.
            user_template: |
              {{name}}
              {{price}}
              {{lots}}
              {{urgent}}
              {{side}}
              {{tags}}
              {{order}}
            variables:
              name: {type: string, max_length: 5}
              price: {type: number, min: 0, max: 100}
              lots: {type: integer, min: 1}
              urgent: {type: boolean, required: false}
              side: {type: enum, values: [BUY, SELL]}
              tags: {type: list, max_items: 2, items: {type: string, max_length: 3}}
              order:
                type: object
                fields:
                  symbol: {type: string}
                  quantity: {type: number, min: 0}
            output_schema: {type: object}
            baseline: {description: none}
            """;

    private TemplateFixture() {}

    /** Loads {@code text} as {@code <root>/<id>/v1.yaml}. */
    public static PromptTemplate load(Path root, String id, String text) {
        write(root, id + "/v1.yaml", text);
        try {
            return TemplateLoader.load(root).newest(id).orElseThrow();
        } catch (TemplateValidationException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A shipped template, newest version. */
    public static PromptTemplate shipped(String id) {
        try {
            return TemplateLoader.load(shippedTemplates()).newest(id).orElseThrow();
        } catch (TemplateValidationException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Writes {@code text} to {@code root/relativePath}, creating directories. */
    public static Path write(Path root, String relativePath, String text) {
        try {
            final Path file = root.resolve(relativePath);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped templates, relative to the module directory tests run in. */
    public static Path shippedTemplates() {
        return Path.of("templates");
    }
}
