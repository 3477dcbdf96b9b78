package dev.slipstream.execution.impact;

import java.util.ArrayDeque;
import java.util.Deque;

/** Ordinary least squares y = a + b·x over the last {@code window} observations. */
public final class RollingRegression {

    private final int window;
    private final Deque<double[]> points = new ArrayDeque<>();

    public RollingRegression(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("window: " + window + " (expected: >= 2)");
        }
        this.window = window;
    }

    public void add(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return;
        }
        points.addLast(new double[] {x, y});
        if (points.size() > window) {
            points.removeFirst();
        }
    }

    public int size() {
        return points.size();
    }

    /** {a, b}; NaN while fewer than two distinct x values were seen. */
    public double[] fit() {
        int n = points.size();
        double meanX = 0;
        double meanY = 0;
        for (double[] p : points) {
            meanX += p[0] / n;
            meanY += p[1] / n;
        }
        double covariance = 0;
        double varianceX = 0;
        for (double[] p : points) {
            covariance += (p[0] - meanX) * (p[1] - meanY);
            varianceX += (p[0] - meanX) * (p[0] - meanX);
        }
        if (!(varianceX > 0)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double slope = covariance / varianceX;
        return new double[] {meanY - slope * meanX, slope};
    }
}
