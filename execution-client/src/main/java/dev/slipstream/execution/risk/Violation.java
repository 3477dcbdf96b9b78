package dev.slipstream.execution.risk;

/** One broken limit, with the numbers that broke it. */
public record Violation(Limit limit, String message) {}
