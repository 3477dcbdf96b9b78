package dev.slipstream.prompts;

import static java.util.Objects.requireNonNull;

/**
 * How the model is asked to generate.
 *
 * @param temperature sampling temperature, 0 to 2
 * @param maxOutputTokens the reply budget
 * @param responseFormat how the JSON answer is requested from the provider
 */
public record GenerationOptions(double temperature, int maxOutputTokens, ResponseFormat responseFormat) {
    public GenerationOptions {
        requireNonNull(responseFormat, "responseFormat");
    }

    /** How the provider is asked for JSON. */
    public enum ResponseFormat {
        /** Ask for a JSON object; the schema is stated in the system message and checked afterwards. */
        JSON,
        /** Also hand the output schema to providers that enforce it while generating. */
        JSON_SCHEMA
    }
}
