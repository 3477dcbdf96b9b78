package dev.slipstream.execution.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntConsumer;

/** A one-line progress bar redrawn in place on a terminal stream (stderr, so stdout stays clean for the table). */
final class ProgressLine implements IntConsumer {

    private static final int WIDTH = 40;

    private final PrintWriter out;
    private final int total;
    private int lastDrawn = -1;

    ProgressLine(PrintWriter out, int total) {
        this.out = out;
        this.total = total;
    }

    @Override
    public void accept(int done) {
        int filled = done * WIDTH / total;
        if (filled == lastDrawn && done != total) {
            return;
        }
        lastDrawn = filled;
        out.printf(Locale.ROOT, "\r[%s%s] %d/%d runs", "=".repeat(filled), " ".repeat(WIDTH - filled), done, total);
        if (done == total) {
            out.println();
        }
        out.flush();
    }
}
