package dev.slipstream.gateway.prompt;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Request-specific checks of an output that already passed the template's schema and bounds, e.g. a quantity
 * no larger than what remains of the order. Each problem is worded for the model's repair attempt:
 * {@code quantity: 500 (expected: <= remaining_quantity 260)}.
 */
@FunctionalInterface
public interface OutputCheck {
    OutputCheck NONE = output -> List.of();

    List<String> problems(JsonNode output);
}
