package dev.slipstream.execution.venue.bybit.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Bybit v5 WebSocket operations ({@code {"req_id", "op", "args"}}) and their acknowledgements
 * ({@code {"success", "ret_msg", "op", "req_id", "conn_id"}}), per the v5 "Connect" page.
 */
final class BybitOps {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** An acknowledgement of an operation; {@code retMsg} says why when {@code success} is false. */
    record Ack(String op, boolean success, String retMsg, String reqId) {}

    private BybitOps() {}

    static String request(String reqId, String op, List<?> args) {
        ObjectNode request = MAPPER.createObjectNode().put("req_id", reqId).put("op", op);
        ArrayNode array = request.putArray("args");
        for (Object arg : args) {
            if (arg instanceof Long number) {
                array.add(number);
            } else {
                array.add(String.valueOf(arg));
            }
        }
        try {
            return MAPPER.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Bybit " + op + " request", e);
        }
    }

    /** The acknowledgement this message is, or null for a topic message. */
    static @Nullable Ack ack(JsonNode message) {
        if (message.has("topic") || !message.has("success")) {
            return null;
        }
        return new Ack(message.path("op").asText(), message.path("success").asBoolean(false),
                message.path("ret_msg").asText(), message.path("req_id").asText());
    }
}
