package dev.slipstream.loadtest.runner;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ghz's per-call template values in a string of the config's data or metadata, e.g.
 * {@code "req-{{.RequestNumber}}"}: the {@code .Name} variables of ghz's call data and its functions
 * {@code newUUID}, {@code randomString N} and {@code randomInt MIN MAX}. Parsed once; anything else between
 * the braces is refused when the config is read.
 */
final class CallTemplate {
    private static final Pattern ACTION = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** What a call's template values are computed from. */
    record CallContext(long requestNumber, int workerId, MethodNames method, Instant now) {}

    /** ghz's method-related variables; the gRPC method's or, in HTTP mode, the URL's. */
    record MethodNames(String fullyQualifiedName, String methodName, String serviceName, String inputName,
                       String outputName, boolean clientStreaming, boolean serverStreaming) {}

    private final List<Function<CallContext, String>> parts;
    private final boolean constant;

    private CallTemplate(List<Function<CallContext, String>> parts, boolean constant) {
        this.parts = parts;
        this.constant = constant;
    }

    /** The templates of a string map (metadata, headers), each compiled once. */
    static Map<String, CallTemplate> parseAll(Map<String, String> values) {
        final Map<String, CallTemplate> compiled = new LinkedHashMap<>();
        values.forEach((key, value) -> compiled.put(key, parse(value)));
        return compiled;
    }

    static boolean hasActions(String text) {
        return text.contains("{{");
    }

    static CallTemplate parse(String text) {
        final List<Function<CallContext, String>> parts = new ArrayList<>();
        final Matcher matcher = ACTION.matcher(text);
        int last = 0;
        boolean constant = true;
        while (matcher.find()) {
            final String literal = text.substring(last, matcher.start());
            parts.add(context -> literal);
            parts.add(action(matcher.group(1), text));
            constant = false;
            last = matcher.end();
        }
        final String tail = text.substring(last);
        if (tail.contains("{{")) {
            throw new IllegalArgumentException("unclosed template action in '" + text + "'");
        }
        parts.add(context -> tail);
        return new CallTemplate(List.copyOf(parts), constant);
    }

    boolean isConstant() {
        return constant;
    }

    String render(CallContext context) {
        final StringBuilder out = new StringBuilder();
        for (Function<CallContext, String> part : parts) {
            out.append(part.apply(context));
        }
        return out.toString();
    }

    private static Function<CallContext, String> action(String action, String text) {
        final String[] words = action.split("\\s+");
        return switch (words[0]) {
            case ".RequestNumber" -> c -> Long.toString(c.requestNumber());
            case ".WorkerID" -> c -> "g" + c.workerId() + "c0";
            case ".FullyQualifiedName" -> c -> c.method().fullyQualifiedName();
            case ".MethodName" -> c -> c.method().methodName();
            case ".ServiceName" -> c -> c.method().serviceName();
            case ".InputName" -> c -> c.method().inputName();
            case ".OutputName" -> c -> c.method().outputName();
            case ".IsClientStreaming" -> c -> Boolean.toString(c.method().clientStreaming());
            case ".IsServerStreaming" -> c -> Boolean.toString(c.method().serverStreaming());
            case ".Timestamp" -> c -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(c.now().atOffset(ZoneOffset.UTC));
            case ".TimestampUnix" -> c -> Long.toString(c.now().getEpochSecond());
            case ".TimestampUnixMilli" -> c -> Long.toString(c.now().toEpochMilli());
            case ".TimestampUnixNano" -> c -> Long.toString(c.now().getEpochSecond() * 1_000_000_000L + c.now().getNano());
            case ".UUID", "newUUID" -> c -> UUID.randomUUID().toString();
            case "randomString" -> randomString(words, text);
            case "randomInt" -> randomInt(words, text);
            default -> throw new IllegalArgumentException(
                    "unsupported template action {{" + action + "}} in '" + text + "' (supported: .RequestNumber, " +
                    ".WorkerID, .FullyQualifiedName, .MethodName, .ServiceName, .InputName, .OutputName, " +
                    ".IsClientStreaming, .IsServerStreaming, .Timestamp, .TimestampUnix, .TimestampUnixMilli, " +
                    ".TimestampUnixNano, .UUID, newUUID, randomString N, randomInt MIN MAX)");
        };
    }

    private static Function<CallContext, String> randomString(String[] words, String text) {
        final int length = words.length == 2 ? integer(words[1], text) : -1;
        if (length < 0) {
            throw new IllegalArgumentException("randomString takes one length >= 0, in '" + text + "'");
        }
        return c -> {
            final StringBuilder out = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                out.append(LETTERS.charAt(ThreadLocalRandom.current().nextInt(LETTERS.length())));
            }
            return out.toString();
        };
    }

    private static Function<CallContext, String> randomInt(String[] words, String text) {
        if (words.length != 3) {
            throw new IllegalArgumentException("randomInt takes MIN MAX, in '" + text + "'");
        }
        final int min = integer(words[1], text);
        final int max = integer(words[2], text);
        if (max <= min) {
            throw new IllegalArgumentException("randomInt needs MIN < MAX, in '" + text + "'");
        }
        return c -> Integer.toString(ThreadLocalRandom.current().nextInt(min, max));
    }

    private static int integer(String word, String text) {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + word + "' is not a whole number, in '" + text + "'", e);
        }
    }
}
