package dev.slipstream.loadtest.runner;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;

/** One reporting interval of a soak: latency of its successful calls, and its errors by cause. */
final class SoakInterval {
    private final ConcurrentHistogram okMicros;
    private final long highestMicros;
    private final LongAdder calls = new LongAdder();
    private final LongAdder faultErrors = new LongAdder();
    private final LongAdder otherErrors = new LongAdder();

    SoakInterval(long highestMicros) {
        this.highestMicros = highestMicros;
        this.okMicros = new ConcurrentHistogram(highestMicros, 3);
    }

    void record(long latencyNanos, CallTarget.Outcome outcome, boolean metFault) {
        calls.increment();
        if (outcome.ok()) {
            okMicros.recordValue(Math.max(0, Math.min(highestMicros, latencyNanos / 1_000)));
        } else if (metFault) {
            faultErrors.increment();
        } else {
            otherErrors.increment();
        }
    }

    long faultErrors() {
        return faultErrors.sum();
    }

    long otherErrors() {
        return otherErrors.sum();
    }

    String markdownRow(String label) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.3f | %.3f | %.3f |%n", label, calls.sum(),
                             okMicros.getTotalCount(), faultErrors.sum(), otherErrors.sum(),
                             okMicros.getValueAtPercentile(50) / 1000.0, okMicros.getValueAtPercentile(99) / 1000.0,
                             okMicros.getMaxValue() / 1000.0);
    }
}
