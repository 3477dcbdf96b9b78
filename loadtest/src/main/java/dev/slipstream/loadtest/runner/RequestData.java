package dev.slipstream.loadtest.runner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The config's {@code data} as the JSON of each call: template values filled in per call, and an array
 * taken one message per call, round robin (ghz's behaviour for unary and server-streaming calls).
 */
final class RequestData {
    private final List<JsonNode> messages;
    private final List<Map<String, CallTemplate>> templatesByPointer;

    private RequestData(List<JsonNode> messages, List<Map<String, CallTemplate>> templatesByPointer) {
        this.messages = messages;
        this.templatesByPointer = templatesByPointer;
    }

    static RequestData of(@Nullable JsonNode data) {
        final List<JsonNode> messages = new ArrayList<>();
        if (data == null) {
            messages.add(new ObjectNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance));
        } else if (data.isArray()) {
            data.forEach(messages::add);
            if (messages.isEmpty()) {
                throw new IllegalArgumentException("data: an empty array (expected at least one message)");
            }
        } else {
            messages.add(data);
        }
        final List<Map<String, CallTemplate>> templates = new ArrayList<>();
        for (JsonNode message : messages) {
            final Map<String, CallTemplate> found = new HashMap<>();
            collect(message, "", found);
            templates.add(found);
        }
        return new RequestData(List.copyOf(messages), List.copyOf(templates));
    }

    /** How many different messages there are; the JSON of message {@code i} is fixed when it has no templates. */
    int size() {
        return messages.size();
    }

    boolean isConstant(int index) {
        return templatesByPointer.get(index).isEmpty();
    }

    /** The JSON of the call with this context. */
    String render(CallTemplate.CallContext context) {
        final int index = (int) (context.requestNumber() % messages.size());
        final JsonNode message = messages.get(index);
        final Map<String, CallTemplate> templates = templatesByPointer.get(index);
        if (templates.isEmpty()) {
            return message.toString();
        }
        final JsonNode copy = message.deepCopy();
        templates.forEach((pointer, template) -> replace(copy, pointer, template.render(context)));
        return copy.toString();
    }

    private static void collect(JsonNode node, String pointer, Map<String, CallTemplate> found) {
        if (node.isTextual() && CallTemplate.hasActions(node.asText())) {
            found.put(pointer, CallTemplate.parse(node.asText()));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), pointer + '/' + escape(e.getKey()), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + '/' + i, found);
            }
        }
    }

    private static void replace(JsonNode root, String pointer, String value) {
        final int cut = pointer.lastIndexOf('/');
        final JsonNode parent = root.at(pointer.substring(0, cut));
        final String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(last, TextNode.valueOf(value));
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), TextNode.valueOf(value));
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
