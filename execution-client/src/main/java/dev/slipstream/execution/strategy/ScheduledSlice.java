package dev.slipstream.execution.strategy;

import java.math.BigDecimal;
import java.time.Instant;

/** A quantity due at a time. */
public record ScheduledSlice(Instant at, BigDecimal quantity) {}
