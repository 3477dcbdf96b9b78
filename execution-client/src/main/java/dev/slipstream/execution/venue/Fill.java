package dev.slipstream.execution.venue;

import java.math.BigDecimal;
import java.time.Instant;

/** A (possibly partial) execution of a child order. */
public record Fill(String childId, BigDecimal quantity, BigDecimal price, Instant time) {}
