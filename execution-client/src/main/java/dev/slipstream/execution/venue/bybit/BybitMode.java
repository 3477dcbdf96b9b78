package dev.slipstream.execution.venue.bybit;

/** Where orders go: simulated on live public data, Bybit's testnet, or Bybit itself (real money). */
public enum BybitMode {
    PAPER, TESTNET, MAINNET;

    /** The real environment's endpoints; paper reads mainnet's public data. */
    BybitEndpoints endpoints(String category) {
        return this == TESTNET ? BybitEndpoints.testnet(category) : BybitEndpoints.mainnet(category);
    }
}
