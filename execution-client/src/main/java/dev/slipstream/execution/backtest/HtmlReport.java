package dev.slipstream.execution.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML page: the comparison table and two inline SVG charts (the shortfall distribution of each
 * strategy, and mean against standard deviation — the trade-off Almgren–Chriss's λ chooses along).
 */
public final class HtmlReport {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int MARGIN = 50;

    private HtmlReport() {}

    public static void write(BacktestResult result, Path file) throws IOException {
        List<StrategySummary> rows = ComparisonTable.summaries(result);
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Slipstream execution backtest</title>"
                + "<style>body{font-family:sans-serif;margin:2em}pre{background:#f6f6f6;padding:1em}"
                + "svg{border:1px solid #ddd;margin:1em 0}</style></head><body>"
                + "<h1>Execution backtest</h1><pre>" + escape(ComparisonTable.render(result)) + "</pre>"
                + "<h2>Implementation shortfall by strategy (bps): p5–p95, median, mean</h2>" + distribution(rows)
                + "<h2>Mean against standard deviation of the shortfall (bps)</h2>" + frontier(rows)
                + "</body></html>\n";
        Files.writeString(file, html);
    }

    private static String distribution(List<StrategySummary> rows) {
        double low = rows.stream().mapToDouble(StrategySummary::p5Bps).min().orElse(0);
        double high = rows.stream().mapToDouble(StrategySummary::p95Bps).max().orElse(1);
        StringBuilder svg = open();
        axis(svg, "bps", low, high);
        double slot = (WIDTH - 2.0 * MARGIN) / rows.size();
        for (int i = 0; i < rows.size(); i++) {
            StrategySummary row = rows.get(i);
            double x = MARGIN + slot * (i + 0.5);
            svg.append(line(x, y(row.p5Bps(), low, high), x, y(row.p95Bps(), low, high), "#555"))
                    .append(line(x - 12, y(row.p50Bps(), low, high), x + 12, y(row.p50Bps(), low, high), "#06c"))
                    .append(circle(x, y(row.meanBps(), low, high), "#c30"))
                    .append(text(x, HEIGHT - MARGIN + 18, row.strategy(), "middle"));
        }
        return svg.append("</svg>").toString();
    }

    private static String frontier(List<StrategySummary> rows) {
        double maxSd = rows.stream().mapToDouble(StrategySummary::stdevBps).max().orElse(1) * 1.1;
        double low = Math.min(0, rows.stream().mapToDouble(StrategySummary::meanBps).min().orElse(0));
        double high = rows.stream().mapToDouble(StrategySummary::meanBps).max().orElse(1) * 1.1;
        StringBuilder svg = open();
        axis(svg, "mean", low, high);
        svg.append(text(WIDTH / 2.0, HEIGHT - 8, "standard deviation (bps)", "middle"));
        for (StrategySummary row : rows) {
            double x = MARGIN + row.stdevBps() / maxSd * (WIDTH - 2.0 * MARGIN);
            double y = y(row.meanBps(), low, high);
            svg.append(circle(x, y, "#06c")).append(text(x + 8, y - 6, row.strategy(), "start"));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open() {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">", WIDTH, HEIGHT));
    }

    private static void axis(StringBuilder svg, String label, double low, double high) {
        svg.append(line(MARGIN, MARGIN, MARGIN, HEIGHT - MARGIN, "#000"))
                .append(line(MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN, "#000"))
                .append(text(MARGIN - 6, y(high, low, high) + 4, String.format(Locale.ROOT, "%.0f", high), "end"))
                .append(text(MARGIN - 6, y(low, low, high) + 4, String.format(Locale.ROOT, "%.0f", low), "end"))
                .append(text(MARGIN - 6, MARGIN - 14, label, "end"));
        if (low < 0 && high > 0) {
            svg.append(line(MARGIN, y(0, low, high), WIDTH - MARGIN, y(0, low, high), "#bbb"));
        }
    }

    private static double y(double value, double low, double high) {
        return HEIGHT - MARGIN - (value - low) / (high - low) * (HEIGHT - 2.0 * MARGIN);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", x1,
                y1, x2, y2, colour);
    }

    private static String circle(double x, double y, String colour) {
        return String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>", x, y, colour);
    }

    private static String text(double x, double y, String content, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"%s\">%s</text>", x,
                y, anchor, escape(content));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
