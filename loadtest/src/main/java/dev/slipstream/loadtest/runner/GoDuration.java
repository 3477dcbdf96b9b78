package dev.slipstream.loadtest.runner;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's duration syntax, as ghz writes durations in its config and flags: {@code 10s}, {@code 1m30s}, {@code 250ms}. */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {}

    static Duration parse(String text) {
        final String trimmed = text.strip();
        if ("0".equals(trimmed)) {
            return Duration.ZERO;
        }
        final Matcher matcher = PART.matcher(trimmed);
        long nanos = 0;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            nanos += Math.round(Double.parseDouble(matcher.group(1)) * nanosPerUnit(matcher.group(2)));
            end = matcher.end();
        }
        if (end == 0 || end != trimmed.length()) {
            throw new IllegalArgumentException(
                    "invalid duration '" + text + "' (expected Go syntax, e.g. 20s, 1m30s, 500ms)");
        }
        return Duration.ofNanos(nanos);
    }

    private static double nanosPerUnit(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }
}
