package dev.slipstream.execution.venue;

/** Bars carry no quotes; this supplies the half spread, in bps of the price, for each replayed bar. */
@FunctionalInterface
public interface SpreadModel {

    double halfSpreadBps(Bar bar);

    static SpreadModel constant(double halfSpreadBps) {
        return bar -> halfSpreadBps;
    }
}
