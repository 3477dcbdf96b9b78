package dev.slipstream.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VariableValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = """
            {"name": "ab", "price": 5.5, "lots": 2, "side": "BUY", "tags": ["a"],
             "order": {"symbol": "BTCUSDT", "quantity": 1}}""";

    private static PromptTemplate typed;

    @BeforeAll
    static void loadTemplate(@TempDir Path root) {
        typed = TemplateFixture.load(root, "typed", TemplateFixture.TYPED);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                accepted("every variable valid, the optional one absent", v -> {}),
                accepted("the optional boolean given", v -> v.put("urgent", true)),
                accepted("the optional boolean null", v -> v.putNull("urgent")),
                accepted("an integer written as 2.0", v -> v.put("lots", 2.0)),
                accepted("numbers at their bounds", v -> v.put("price", 100).put("lots", 1)),
                rejected("a required variable missing", v -> v.remove("name"), "name: missing (required)"),
                rejected("a required variable null", v -> v.putNull("name"), "name: null (required)"),
                rejected("a number for a string", v -> v.put("name", 5), "name: 5 (expected: a string)"),
                rejected("a string too long", v -> v.put("name", "abcdef"), "name: 6 characters (expected: at most 5)"),
                rejected("a string for a number", v -> v.put("price", "5"), "price: \"5\" (expected: a number)"),
                rejected("a number below min", v -> v.put("price", -1), "price: -1 (expected: >= 0)"),
                rejected("a number above max", v -> v.put("price", 100.5), "price: 100.5 (expected: <= 100)"),
                rejected("a fraction for an integer", v -> v.put("lots", 1.5), "lots: 1.5 (expected: an integer)"),
                rejected("an integer below min", v -> v.put("lots", 0), "lots: 0 (expected: >= 1)"),
                rejected("a string for a boolean", v -> v.put("urgent", "yes"), "urgent: \"yes\" (expected: true or false)"),
                rejected("a value outside the enum", v -> v.put("side", "HOLD"),
                         "side: \"HOLD\" (expected: one of [BUY, SELL])"),
                rejected("an enum value in the wrong case", v -> v.put("side", "buy"),
                         "side: \"buy\" (expected: one of [BUY, SELL])"),
                rejected("a string for a list", v -> v.put("tags", "a"), "tags: \"a\" (expected: a list)"),
                rejected("too many items", v -> v.set("tags", JSON.valueToTree(List.of("a", "b", "c"))),
                         "tags: 3 items (expected: at most 2)"),
                rejected("items that break the item declaration", v -> v.set("tags", JSON.valueToTree(List.of("abcd", 1))),
                         "tags[0]: 4 characters (expected: at most 3)", "tags[1]: 1 (expected: a string)"),
                rejected("a list for an object", v -> v.set("order", JSON.createArrayNode()),
                         "order: a list (expected: an object)"),
                rejected("an object field missing", v -> order(v).remove("quantity"),
                         "order.quantity: missing (required)"),
                rejected("an object field out of range", v -> order(v).put("quantity", -3),
                         "order.quantity: -3 (expected: >= 0)"),
                rejected("an undeclared object field", v -> order(v).put("colour", "red"),
                         "order.colour: not a declared field (expected: one of [symbol, quantity])"),
                rejected("an undeclared variable", v -> v.put("colour", "red"),
                         "colour: not a declared variable (expected: one of [name, price, lots, urgent, side, tags, order])"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checksEveryDeclaration(String description, Consumer<ObjectNode> change, List<String> expected)
            throws Exception {
        final ObjectNode variables = (ObjectNode) JSON.readTree(VALID);
        change.accept(variables);

        assertThat(VariableValidator.validate(typed.variables(), variables))
                .extracting(Violation::toString)
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notAnObject")
    void wantsAnObjectOfVariables(String json, String expected) throws Exception {
        assertThat(VariableValidator.validate(typed.variables(), JSON.readTree(json)))
                .extracting(Violation::toString)
                .containsExactly(expected);
    }

    static Stream<Arguments> notAnObject() {
        return Stream.of(Arguments.of("[]", "a list (expected: an object keyed by variable name)"),
                         Arguments.of("\"ab\"", "\"ab\" (expected: an object keyed by variable name)"));
    }

    private static Arguments accepted(String description, Consumer<ObjectNode> change) {
        return Arguments.of(description, change, List.of());
    }

    private static Arguments rejected(String description, Consumer<ObjectNode> change, String... expected) {
        return Arguments.of(description, change, List.of(expected));
    }

    private static ObjectNode order(ObjectNode variables) {
        return (ObjectNode) variables.get("order");
    }
}
