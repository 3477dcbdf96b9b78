package dev.slipstream.execution.venue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/** Reads {@code timestamp,open,high,low,close,volume} bars with UTC timestamps like {@code 2022-01-01 00:00:00.000000}. */
public final class BarCsv {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private BarCsv() {}

    public static List<Bar> read(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.skip(1).filter(line -> !line.isBlank()).map(BarCsv::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bars from " + file, e);
        }
    }

    static Bar parse(String line) {
        String[] f = line.split(",");
        if (f.length != 6) {
            throw new IllegalArgumentException("bar line: " + line + " (expected: timestamp,open,high,low,close,volume)");
        }
        return new Bar(LocalDateTime.parse(f[0], TIMESTAMP).toInstant(ZoneOffset.UTC), Double.parseDouble(f[1]),
                Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]));
    }
}
