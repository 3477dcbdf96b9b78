package dev.slipstream.prompts;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A worked example shown to the model before the real request, as a prior user turn and its answer.
 * Both trees are copied in and out: the record stays immutable.
 *
 * @param variables the example's variables, an object keyed by variable name
 * @param output the answer, valid against the template's output schema and bounds
 */
public record FewShotExample(JsonNode variables, JsonNode output) {
    public FewShotExample {
        variables = variables.deepCopy();
        output = output.deepCopy();
    }

    @Override
    public JsonNode variables() {
        return variables.deepCopy();
    }

    @Override
    public JsonNode output() {
        return output.deepCopy();
    }
}
