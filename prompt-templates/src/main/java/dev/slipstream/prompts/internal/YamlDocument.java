package dev.slipstream.prompts.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** A parsed YAML file that still knows on which line each key and value stands. */
public final class YamlDocument {
    private static final ObjectMapper YAML = new ObjectMapper(
            YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private final JsonNode root;
    private final Map<JsonPointer, Integer> lines;
    private final NavigableSet<Integer> startLines;
    private final List<String> sourceLines;

    private YamlDocument(JsonNode root, Map<JsonPointer, Integer> lines, List<String> sourceLines) {
        this.root = root;
        this.lines = lines;
        this.startLines = new TreeSet<>(lines.values());
        this.sourceLines = sourceLines;
    }

    /** Parses YAML text; an empty document has a null root. */
    public static YamlDocument parse(String source) throws YamlSyntaxException {
        final Map<JsonPointer, Integer> lines = new HashMap<>();
        try {
            // Pass one records lines (the tree keeps none); pass two builds the tree.
            try (JsonParser parser = YAML.createParser(source)) {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (!token.isStructEnd()) {
                        lines.putIfAbsent(parser.getParsingContext().pathAsPointer(),
                                          parser.currentTokenLocation().getLineNr());
                    }
                }
            }
            final JsonNode root = YAML.readTree(source);
            return new YamlDocument(root == null || root.isMissingNode() ? NullNode.getInstance() : root,
                                    lines, source.lines().toList());
        } catch (JacksonException e) {
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                throw new YamlSyntaxException(marked.getProblemMark().getLine() + 1, describe(marked));
            }
            throw new YamlSyntaxException(lineOf(e.getLocation()), oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new YamlSyntaxException(0, oneLine(e.getMessage()));
        }
    }

    public JsonNode root() {
        return root;
    }

    /** The line of the value at {@code at}, or of its nearest ancestor that has one; 1 for the root. */
    public int lineOf(JsonPointer at) {
        for (JsonPointer pointer = at; pointer != null; pointer = pointer.head()) {
            final Integer line = lines.get(pointer);
            if (line != null) {
                return line;
            }
        }
        return 1;
    }

    /**
     * The line inside the scalar at {@code at} that contains {@code text}, for problems inside multi-line
     * strings; the scalar's own line when the text is not found verbatim.
     */
    public int lineOf(JsonPointer at, String text) {
        final int start = lineOf(at);
        final Integer next = startLines.higher(start);
        final int end = next == null ? sourceLines.size() : next - 1;
        for (int line = start; line <= end; line++) {
            if (sourceLines.get(line - 1).contains(text)) {
                return line;
            }
        }
        return start;
    }

    private static int lineOf(@Nullable JsonLocation location) {
        return location == null ? 0 : Math.max(location.getLineNr(), 0);
    }

    /** SnakeYAML's message without its source excerpts: what it was reading, from which line, and what failed. */
    private static String describe(MarkedYAMLException marked) {
        final String problem = oneLine(marked.getProblem());
        if (marked.getContext() == null) {
            return problem;
        }
        final String started = marked.getContextMark() == null
                               ? "" : " started on line " + (marked.getContextMark().getLine() + 1);
        return oneLine(marked.getContext()) + started + ": " + problem;
    }

    private static String oneLine(@Nullable String message) {
        return message == null ? "unreadable YAML" : message.strip().replaceAll("\\s+", " ");
    }

    /** The text is not YAML; {@code line} is 0 when unknown. */
    public static final class YamlSyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        private final int line;

        YamlSyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}
