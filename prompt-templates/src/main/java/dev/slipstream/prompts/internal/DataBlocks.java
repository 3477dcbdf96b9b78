package dev.slipstream.prompts.internal;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import org.jspecify.annotations.Nullable;

/**
 * How a variable reaches the model: as a block of three lines, an opening line {@code <data name="NAME">},
 * the value as one line of JSON, and a closing line {@code </data>}. In that JSON every {@code <}, {@code >}
 * and {@code &} is written as a JSON unicode escape (backslash, {@code u003c} and so on), and JSON has no
 * raw line breaks: whatever a value holds, it stays on its one line and never contains a delimiter, so it
 * can neither close its block nor open another.
 */
public final class DataBlocks {
    public static final String CLOSE = "</data>";
    /** Template text may not contain this: only the renderer writes delimiters. */
    public static final String RESERVED = "<data";

    private static final ObjectWriter JSON = new ObjectMapper().writer().with(new DelimiterSafeEscapes());

    private DataBlocks() {}

    private static String open(String name) {
        return RESERVED + " name=\"" + name + "\">";
    }

    public static String block(String name, JsonNode value) {
        return open(name) + '\n' + json(value) + '\n' + CLOSE;
    }

    /** One line of JSON in which no delimiter can appear. */
    private static String json(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Escapes the characters of a delimiter, and the Unicode line separators some readers break on. */
    private static final class DelimiterSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            ASCII['<'] = ESCAPE_STANDARD;
            ASCII['>'] = ESCAPE_STANDARD;
            ASCII['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public @Nullable SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
