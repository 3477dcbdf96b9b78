/** Slicing strategies behind one interface: TWAP, VWAP, Implementation Shortfall (Almgren–Chriss), POV and the advisor-adaptive wrapper. */
@NullMarked
package dev.slipstream.execution.strategy;

import org.jspecify.annotations.NullMarked;
