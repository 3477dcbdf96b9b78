package dev.slipstream.prompts;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/** An inclusive numeric range a field of the model's output must lie in. */
public record Bound(BigDecimal min, BigDecimal max) {
    public Bound {
        requireNonNull(min, "min");
        requireNonNull(max, "max");
    }

    public boolean contains(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    @Override
    public String toString() {
        return "[" + min.toPlainString() + ", " + max.toPlainString() + ']';
    }
}
