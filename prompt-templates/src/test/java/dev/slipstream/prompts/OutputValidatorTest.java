package dev.slipstream.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutputValidatorTest {
    private static final OutputValidator IMPACT = new OutputValidator(TemplateFixture.shipped("impact-adjustment"));
    private static final OutputValidator DECISION = new OutputValidator(TemplateFixture.shipped("execution-decision"));
    private static final String VALID_IMPACT = """
            {"adjustment_factor": 1.2, "factor_low": 1.0, "factor_high": 1.5, "adjusted_impact_bps": 6.0,
             "confidence": 0.7, "reasoning": "Thin ask side."}""";
    private static final String VALID_DECISION = """
            {"action": "PASSIVE", "quantity": 20, "order_type": "LIMIT", "limit_price": 2598.3,
             "wait_seconds": null, "rate_multiplier": null, "confidence": 0.6, "reasoning": "On schedule.",
             "risk_assessment": "The price may run away from the resting order."}""";

    @ParameterizedTest
    @ValueSource(strings = {VALID_IMPACT, "```json\n" + VALID_IMPACT + "\n```", "  ```\n" + VALID_IMPACT + "```\n"})
    void acceptsAValidAnswerBareOrInACodeFence(String answer) {
        assertThat(IMPACT.validate(answer)).isInstanceOfSatisfying(OutputValidation.Valid.class, valid ->
                assertThat(valid.output().path("adjustment_factor").decimalValue()).isEqualByComparingTo("1.2"));
    }

    static Stream<Arguments> rejectedImpactAnswers() {
        return Stream.of(
                rejected("malformed JSON", "{\"adjustment_factor\": 1.2,",
                         "not valid JSON: Unexpected end-of-input within/between Object entries (line 1, column 27)"),
                rejected("prose around the JSON", "Sure! " + VALID_IMPACT,
                         "not valid JSON: Unrecognized token 'Sure': was expecting (JSON String, Number, Array, " +
                         "Object or token 'null', 'true' or 'false') (line 1, column 1)"),
                rejected("a second JSON value", VALID_IMPACT + " {}",
                         "text after the JSON value (line 2, column 52) (expected: one JSON object and nothing else)"),
                rejected("an empty answer", "  \n", "empty answer (expected: one JSON object)"),
                rejected("a duplicated key", "{\"confidence\": 0.1, \"confidence\": 0.9}",
                         "not valid JSON: Duplicate field 'confidence' (line 1, column 33)"),
                rejected("a list instead of an object", "[1.2]", "array found, object expected"),
                rejected("a factor above the bounds", VALID_IMPACT.replace("\"adjustment_factor\": 1.2", "\"adjustment_factor\": 2.5"),
                         "adjustment_factor: 2.5 (expected: within [0.5, 2.0])"),
                rejected("a factor below the bounds", VALID_IMPACT.replace("\"adjustment_factor\": 1.2", "\"adjustment_factor\": 0.1"),
                         "adjustment_factor: 0.1 (expected: within [0.5, 2.0])"),
                rejected("a missing required field", VALID_IMPACT.replace(", \"reasoning\": \"Thin ask side.\"", ""),
                         "reasoning: missing (required)"),
                rejected("a string for a number", VALID_IMPACT.replace("\"confidence\": 0.7", "\"confidence\": \"high\""),
                         "confidence: string found, number expected (got \"high\")"),
                rejected("an unknown field", VALID_IMPACT.replace("{", "{\"action\": \"CANCEL\", "),
                         "action: unknown field"),
                rejected("a reasoning too long", VALID_IMPACT.replace("Thin ask side.", "x".repeat(601)),
                         "reasoning: must be at most 600 characters long (got \"" + "x".repeat(59) + "…\")"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedImpactAnswers")
    void rejectsAnUnusableImpactAnswerPrecisely(String description, String answer, List<String> expected) {
        assertViolations(IMPACT.validate(answer), expected);
    }

    static Stream<Arguments> rejectedDecisionAnswers() {
        return Stream.of(
                rejected("an unknown action", VALID_DECISION.replace("PASSIVE", "HOLD"),
                         "action: \"HOLD\" (expected: one of [\"AGGRESSIVE\", \"PASSIVE\", \"WAIT\", \"ACCELERATE\", " +
                         "\"DECELERATE\", \"CANCEL\"])"),
                rejected("a market order with a limit price", VALID_DECISION.replace("\"LIMIT\"", "\"MARKET\""),
                         "limit_price: number found, null expected (got 2598.3)"),
                rejected("a wait without its duration", VALID_DECISION.replace("\"PASSIVE\", \"quantity\": 20", "\"WAIT\", \"quantity\": 0"),
                         "wait_seconds: null found, integer expected"),
                rejected("a confidence above 1", VALID_DECISION.replace("0.6", "1.5"),
                         "confidence: 1.5 (expected: within [0, 1])"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedDecisionAnswers")
    void rejectsAnUnusableDecisionPrecisely(String description, String answer, List<String> expected) {
        assertViolations(DECISION.validate(answer), expected);
    }

    private static void assertViolations(OutputValidation validation, List<String> expected) {
        assertThat(validation).isInstanceOfSatisfying(OutputValidation.Invalid.class, invalid ->
                assertThat(invalid.violations()).extracting(Violation::toString).containsExactlyElementsOf(expected));
    }

    private static Arguments rejected(String description, String answer, String... expected) {
        return Arguments.of(description, answer, List.of(expected));
    }
}
