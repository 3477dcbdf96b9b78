/** Slicing strategies behind one interface: TWAP, VWAP, Implementation Shortfall (Almgren–Chriss), POV, and the adaptive wrapper that asks an Advisor (asynchronously, with a deadline) to adjust a base strategy. */
@NullMarked
package dev.slipstream.execution.strategy;

import org.jspecify.annotations.NullMarked;
