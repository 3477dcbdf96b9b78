package dev.slipstream.execution.venue;

/** Receives what a venue publishes: market data and fills of our orders. */
public interface VenueListener {

    void onMarketData(MarketSnapshot snapshot);

    void onFill(Fill fill);
}
