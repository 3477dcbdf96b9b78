package dev.slipstream.prompts;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One thing wrong with a template file, printed as {@code file:line: message}.
 *
 * @param file the file or directory, as reached from the loaded directory
 * @param line the 1-based line, or 0 when the problem has no line (a file name, a missing file)
 * @param message what was wrong and what was expected
 */
public record Problem(Path file, int line, String message) {
    public Problem {
        requireNonNull(file, "file");
        requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
