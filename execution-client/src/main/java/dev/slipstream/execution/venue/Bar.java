package dev.slipstream.execution.venue;

import java.time.Instant;

/** One OHLCV bar; {@code quoteVolume} is notional traded in the quote currency, as in the shipped fixture. */
public record Bar(Instant time, double open, double high, double low, double close, double quoteVolume) {

    /** Traded quantity in base units, valued at the close. */
    public double baseVolume() {
        return quoteVolume / close;
    }
}
